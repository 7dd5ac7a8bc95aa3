package org.banksuite.adapter.account.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreEntry;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

class CoreAccountTest {

    private static final String ID = "a1";
    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreAccountOpeningRequested OPENING = new CoreAccountOpeningRequested(ID, "op-1",
            Currency.DKK, "PERSONAL");
    private static final CoreAccountOpened OPENED = new CoreAccountOpened(ID, "op-1", NUMBER);
    private static final Instant BOOKED_AT = Instant.parse("2026-03-10T10:00:00Z");
    private static final CoreEntry INCOMING = new CoreEntry("17", Money.of("100.00", Currency.DKK), "salary", null,
            BOOKED_AT);
    private static final CoreEntry OWN_TRANSFER = new CoreEntry("18", Money.of("-40.00", Currency.DKK), "rent", "t1",
            BOOKED_AT);

    private AggregateTestFixture<CoreAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoreAccount.class);
    }

    @Test
    void asksTheCoreToOpenANewAccount() {
        fixture.givenNoPriorActivity()
                .when(new OpenCoreAccount(ID, Currency.DKK, "PERSONAL"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CoreAccountOpeningRequested requested
                                && requested.accountId().equals(ID) && requested.currency() == Currency.DKK
                                && requested.recordType().equals("PERSONAL") && requested.operationId() != null),
                        Matchers.andNoMore())));
    }

    @Test
    void opensAnAccountOnlyOnce() {
        fixture.given(OPENING)
                .when(new OpenCoreAccount(ID, Currency.DKK, "PERSONAL"))
                .expectNoEvents();
    }

    @Test
    void recordsTheCoreNumberUnderTheOpeningOperation() {
        fixture.given(OPENING)
                .when(new RecordCoreAccountOpened(ID, NUMBER))
                .expectEvents(OPENED);
    }

    @Test
    void ignoresARepeatedOpeningAnswer() {
        fixture.given(OPENING, OPENED)
                .when(new RecordCoreAccountOpened(ID, NUMBER))
                .expectNoEvents();
    }

    @Test
    void asksTheCoreToCloseAnOpenAccountByItsNumber() {
        fixture.given(OPENING, OPENED)
                .when(new CloseCoreAccount(ID))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CoreAccountClosureRequested requested
                                && requested.number().equals(NUMBER)),
                        Matchers.andNoMore())));
    }

    @Test
    void refusesToCloseAnAccountTheCoreRefusedToOpen() {
        fixture.given(OPENING, new CoreAccountOpeningRefused(ID, "op-1", "no"))
                .when(new CloseCoreAccount(ID))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CoreAccountClosureRefused refused
                                && refused.reason().startsWith("CORE_ACCOUNT_NOT_OPEN")),
                        Matchers.andNoMore())));
    }

    @Test
    void confirmsTheClosureUnderItsOperation() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER))
                .when(new RecordCoreAccountClosed(ID))
                .expectEvents(new CoreAccountClosed(ID, "op-2"));
    }

    @Test
    void refusesARecordTypeChangeWhileAnotherIsPending() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-3", NUMBER, "SAVINGS"))
                .when(new ChangeCoreRecordType(ID, "BUSINESS"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CoreRecordTypeChangeRefused refused
                                && refused.recordType().equals("BUSINESS")
                                && refused.reason().startsWith("RECORD_TYPE_CHANGE_IN_PROGRESS")),
                        Matchers.andNoMore())));
    }

    @Test
    void confirmsTheRecordTypeChangeItAskedFor() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-3", NUMBER, "SAVINGS"))
                .when(new RecordCoreRecordTypeChanged(ID, "SAVINGS"))
                .expectEvents(new CoreRecordTypeChanged(ID, "op-3", "SAVINGS"));
    }

    @Test
    void takesAPageOfEntriesWithTheCursorInOneBatch() {
        fixture.given(OPENING, OPENED)
                .when(new ApplyEntryPage(ID, null, List.of(INCOMING, OWN_TRANSFER), "18"))
                .expectEvents(
                        new CorePostingEntryFetched(ID, "17", Money.of("100.00", Currency.DKK), "salary", null,
                                BOOKED_AT),
                        new CorePostingEntryFetched(ID, "18", Money.of("-40.00", Currency.DKK), "rent", "t1",
                                BOOKED_AT),
                        new EntryCursorAdvanced(ID, "18"));
    }

    @Test
    void refusesAPageFetchedFromAnOlderCursor() {
        fixture.given(OPENING, OPENED, new EntryCursorAdvanced(ID, "18"))
                .when(new ApplyEntryPage(ID, null, List.of(INCOMING, OWN_TRANSFER), "18"))
                .expectException(StaleEntryCursorException.class)
                .expectNoEvents();
    }

    @Test
    void refusesEntriesOfAnAccountNotOpenedAtTheCore() {
        fixture.given(OPENING)
                .when(new ApplyEntryPage(ID, null, List.of(INCOMING), "17"))
                .expectException(CoreAccountNotOpenException.class);
    }

    @Test
    void entriesWithoutTextGetAnEmptyOne() {
        CoreEntry fee = new CoreEntry("19", Money.of("-5.00", Currency.DKK), null, null, BOOKED_AT);
        fixture.given(OPENING, OPENED)
                .when(new ApplyEntryPage(ID, null, List.of(fee), "19"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CorePostingEntryFetched fetched
                                && fetched.text().isEmpty()),
                        Matchers.predicate(EntryCursorAdvanced.class::isInstance),
                        Matchers.andNoMore())));
        assertThat(fee.text()).isNull();
    }
}
