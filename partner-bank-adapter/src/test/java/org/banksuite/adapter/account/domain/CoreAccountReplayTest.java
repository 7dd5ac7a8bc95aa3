package org.banksuite.adapter.account.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.money.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * accounts-service's requests coming again (a support replay of the account's events, a redelivery): a closure or
 * record-type change request is handled once, so a replay never repeats an operation at the core (no
 * {@code …Requested} event, so no saga starts), and every answer names the request it answers.
 */
class CoreAccountReplayTest {

    private static final String ID = "a1";
    private static final CoreAccountNumber NUMBER = new CoreAccountNumber("1234", "1000001");
    private static final CoreAccountOpeningRequested OPENING = new CoreAccountOpeningRequested(ID, "op-1",
            Currency.DKK, "PERSONAL");
    private static final CoreAccountOpened OPENED = new CoreAccountOpened(ID, "op-1", NUMBER);

    private AggregateTestFixture<CoreAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoreAccount.class);
    }

    @Test
    void doesNotCloseAgainForAReplayedClosureRequestTheCoreRefused() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER, 2L),
                        new CoreAccountClosureRefused(ID, "op-2", "core-account-balance-not-zero", 2L))
                .when(new CloseCoreAccount(ID, 2L))
                .expectNoEvents();
    }

    @Test
    void doesNotCloseForAClosureRequestOlderThanTheNewestHandled() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER, 5L),
                        new CoreAccountClosureRefused(ID, "op-2", "core-account-balance-not-zero", 5L))
                .when(new CloseCoreAccount(ID, 3L))
                .expectNoEvents();
    }

    @Test
    void doesNotAnswerAgainForAReplayedClosureRequestOfAClosedAccount() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER, 4L),
                        new CoreAccountClosed(ID, "op-2", 4L))
                .when(new CloseCoreAccount(ID, 4L))
                .expectNoEvents();
    }

    @Test
    void closesForANewerRequestAfterARefusal() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER, 2L),
                        new CoreAccountClosureRefused(ID, "op-2", "core-account-balance-not-zero", 2L))
                .when(new CloseCoreAccount(ID, 4L))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.predicate(event -> event instanceof CoreAccountClosureRequested requested
                                && requested.requestId() == 4L && requested.number().equals(NUMBER)
                                && !requested.operationId().equals("op-2")),
                        Matchers.andNoMore())));
    }

    @Test
    void answersTheClosureWithTheIdOfTheRequestItServes() {
        fixture.given(OPENING, OPENED, new CoreAccountClosureRequested(ID, "op-2", NUMBER, 4L))
                .when(new RefuseCoreAccountClosure(ID, "core-account-balance-not-zero"))
                .expectEvents(new CoreAccountClosureRefused(ID, "op-2", "core-account-balance-not-zero", 4L));
    }

    @Test
    void doesNotRevertTheRecordTypeForAReplayedEarlierChange() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-2", NUMBER, "SAVINGS", 2L),
                        new CoreRecordTypeChanged(ID, "op-2", "SAVINGS", 2L),
                        new CoreRecordTypeChangeRequested(ID, "op-3", NUMBER, "PERSONAL", 4L),
                        new CoreRecordTypeChanged(ID, "op-3", "PERSONAL", 4L))
                .when(new ChangeCoreRecordType(ID, "SAVINGS", 2L))
                .expectNoEvents();
    }

    @Test
    void doesNotAskAgainForAReplayedChangeTheCoreRefused() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-2", NUMBER, "SAVINGS", 2L),
                        new CoreRecordTypeChangeRefused(ID, "op-2", "SAVINGS", "core-record-type-not-allowed", 2L))
                .when(new ChangeCoreRecordType(ID, "SAVINGS", 2L))
                .expectNoEvents();
    }

    @Test
    void answersTheRecordTypeChangeWithTheIdOfTheRequestItServes() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-2", NUMBER, "SAVINGS", 4L))
                .when(new RecordCoreRecordTypeChanged(ID, "SAVINGS"))
                .expectEvents(new CoreRecordTypeChanged(ID, "op-2", "SAVINGS", 4L));
    }

    @Test
    void refusingASecondChangeKeepsThePendingOneAnswerable() {
        fixture.given(OPENING, OPENED, new CoreRecordTypeChangeRequested(ID, "op-2", NUMBER, "SAVINGS", 2L),
                        new CoreRecordTypeChangeRefused(ID, "op-9", "BUSINESS",
                                CoreAccount.CHANGE_IN_PROGRESS + ": the change to SAVINGS is not answered yet", 3L))
                .when(new RecordCoreRecordTypeChanged(ID, "SAVINGS"))
                .expectEvents(new CoreRecordTypeChanged(ID, "op-2", "SAVINGS", 2L));
    }
}
