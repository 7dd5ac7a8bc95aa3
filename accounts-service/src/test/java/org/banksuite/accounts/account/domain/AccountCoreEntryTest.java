package org.banksuite.accounts.account.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.banksuite.money.Currency;
import org.banksuite.money.InvalidAmountException;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.banksuite.accounts.account.domain.AccountCommand.*;
import static org.banksuite.accounts.account.domain.AccountEvent.*;

/** The core's entries on an account, and the suite's own bookings of the same payments: each books once. */
class AccountCoreEntryTest {

    private static final String ID = "a1";
    private static final String TRANSFER = "6f1c9a52-0c1e-4a57-9d43-0e5c2d4f7a10";
    private static final AccountOpened OPENED = new AccountOpened(ID, "c1", Currency.DKK, RecordType.PERSONAL);
    private static final AccountActivated ACTIVATED = new AccountActivated(ID, "1234", "0012345678");
    private static final PostingBooked FUNDED = new PostingBooked(ID, "core:1", dkk("500.00"), "salary", null, null,
            dkk("500.00"));
    private static final FundsReserved HELD = new FundsReserved(ID, TRANSFER, dkk("100.00"));

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }

    @Nested
    class EntriesWithoutKey {

        @Test
        void booksAnUnkeyedEntryUnderItsEntryId() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookCoreEntry(ID, "7", dkk("250.00"), "incoming", null))
                    .expectEvents(new PostingBooked(ID, "core:7", dkk("250.00"), "incoming", null, null, dkk("250.00")));
        }

        @Test
        void booksARedeliveredEntryOnce() {
            fixture.given(OPENED, ACTIVATED,
                            new PostingBooked(ID, "core:7", dkk("250.00"), "incoming", null, null, dkk("250.00")))
                    .when(new BookCoreEntry(ID, "7", dkk("250.00"), "incoming", null))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnEntryInAnotherCurrency() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookCoreEntry(ID, "7", Money.of("10.00", Currency.EUR), "fee", null))
                    .expectException(InvalidAmountException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class EntriesWithAPaymentKey {

        @Test
        void booksAKeyedDebitTheSuiteNeverBooked() {
            fixture.given(OPENED, ACTIVATED, FUNDED)
                    .when(new BookCoreEntry(ID, "9", dkk("-40.00"), "card", "other-channel-key"))
                    .expectEvents(new PostingBooked(ID, "other-channel-key/debit", dkk("-40.00"), "card", null, null,
                            dkk("460.00")));
        }

        @Test
        void booksAKeyedCreditTheSuiteNeverBookedUnderTheCreditSide() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookCoreEntry(ID, "9", dkk("75.00"), "from A", TRANSFER))
                    .expectEvents(new PostingBooked(ID, TRANSFER + "/credit", dkk("75.00"), "from A", null, null,
                            dkk("75.00")));
        }

        @Test
        void entryBeforeTheTransferBookingCapturesTheTransfersHold() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD)
                    .when(new BookCoreEntry(ID, "9", dkk("-100.00"), "rent", TRANSFER))
                    .expectEvents(new PostingBooked(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER,
                            dkk("100.00"), dkk("400.00")));
        }

        @Test
        void transferBookingAfterTheEntryBooksNothingAgain() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD,
                            new PostingBooked(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER,
                                    dkk("100.00"), dkk("400.00")))
                    .when(new BookPosting(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void entryAfterTheTransferBookingBooksNothingAgain() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD,
                            new PostingBooked(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER,
                                    dkk("100.00"), dkk("400.00")))
                    .when(new BookCoreEntry(ID, "9", dkk("-100.00"), "rent", TRANSFER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void transferBookingSettlesAHoldLeftByAnEntryBookedWithoutIt() {
            fixture.given(OPENED, ACTIVATED, FUNDED,
                            new PostingBooked(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", null, null, dkk("400.00")),
                            HELD)
                    .when(new BookPosting(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER))
                    .expectEvents(new ReservationReleased(ID, TRANSFER, dkk("100.00")));
        }

        @Test
        void aDuplicateEntryOfTheSameSideAndAmountIsANoOp() {
            fixture.given(OPENED, ACTIVATED,
                            new PostingBooked(ID, TRANSFER + "/credit", dkk("75.00"), "from A", null, null, dkk("75.00")))
                    .when(new BookCoreEntry(ID, "9", dkk("75.00"), "from A", TRANSFER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class DifferingAmounts {

        private final PostingBooked suiteDebit = new PostingBooked(ID, TRANSFER + "/debit", dkk("-100.00"), "rent",
                TRANSFER, dkk("100.00"), dkk("400.00"));

        @Test
        void entryDifferingFromTheSuitesBookingBooksTheDifferenceUnderItsEntryId() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD, suiteDebit)
                    .when(new BookCoreEntry(ID, "9", dkk("-90.00"), "rent", TRANSFER))
                    .expectEvents(new PostingBooked(ID, "core:9", dkk("10.00"),
                            "rent (core entry 9 differs from " + TRANSFER + "/debit by 10.00)", null, null,
                            dkk("410.00")));
        }

        @Test
        void differenceBooksOnceWhenTheEntryComesAgain() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD, suiteDebit,
                            new PostingBooked(ID, "core:9", dkk("10.00"), "rent", null, null, dkk("410.00")))
                    .when(new BookCoreEntry(ID, "9", dkk("-90.00"), "rent", TRANSFER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void transferBookingDifferingFromTheEntryBookedBeforeKeepsTheCoresAmount() {
            fixture.given(OPENED, ACTIVATED, FUNDED, HELD,
                            new PostingBooked(ID, TRANSFER + "/debit", dkk("-90.00"), "rent", TRANSFER, dkk("100.00"),
                                    dkk("410.00")))
                    .when(new BookPosting(ID, TRANSFER + "/debit", dkk("-100.00"), "rent", TRANSFER))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class AroundAClosure {

        private final AccountClosureRequested closureRequested = new AccountClosureRequested(ID);

        @Test
        void booksAnEntryArrivingWhileTheClosureIsPending() {
            fixture.given(OPENED, ACTIVATED, closureRequested)
                    .when(new BookCoreEntry(ID, "11", dkk("100.00"), "incoming", null))
                    .expectEvents(new PostingBooked(ID, "core:11", dkk("100.00"), "incoming", null, null,
                            dkk("100.00")));
        }

        @Test
        void doesNotConfirmAClosureWhileTheLedgerIsNotEmpty() {
            fixture.given(OPENED, ACTIVATED, closureRequested,
                            new PostingBooked(ID, "core:11", dkk("100.00"), "incoming", null, null, dkk("100.00")))
                    .when(new ConfirmClosure(ID))
                    .expectException(AccountStateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void confirmsTheClosureOnceTheEntriesUpToItAreBooked() {
            fixture.given(OPENED, ACTIVATED, closureRequested,
                            new PostingBooked(ID, "core:11", dkk("100.00"), "incoming", null, null, dkk("100.00")),
                            new PostingBooked(ID, "core:12", dkk("-100.00"), "outgoing", null, null, dkk("0.00")))
                    .when(new ConfirmClosure(ID))
                    .expectEvents(new AccountClosed(ID));
        }
    }
}
