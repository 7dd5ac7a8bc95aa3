package org.banksuite.accounts.account.domain;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.banksuite.accounts.account.domain.AccountCommand.*;
import static org.banksuite.accounts.account.domain.AccountEvent.*;

/**
 * Requests, answers and reservations that come again (a support replay, a redelivery) or late: an answer of the core
 * applies only to the request it answers, and a settled reservation stays settled. A request's id is its sequence
 * number in the account's stream: in these fixtures the given events are numbered from 0.
 */
class AccountReplayTest {

    private static final String ID = "a1";
    private static final AccountOpened OPENED = new AccountOpened(ID, "c1", Currency.DKK, RecordType.PERSONAL);
    private static final AccountActivated ACTIVATED = new AccountActivated(ID, "1234", "0012345678");

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }

    private static PostingBooked credit(String postingId, String amount, String balance) {
        return new PostingBooked(ID, postingId, dkk(amount), "salary", null, null, dkk(balance));
    }

    @Nested
    class Closure {

        /** Closure 2 was refused, closure 4 is pending. */
        private final Object[] secondClosurePending = {OPENED, ACTIVATED, new AccountClosureRequested(ID),
                new AccountClosureRefused(ID, "balance not zero at the core"), new AccountClosureRequested(ID)};

        @Test
        void ignoresAReplayedRefusalOfAnEarlierClosure() {
            fixture.given(secondClosurePending)
                    .when(new RefuseClosure(ID, "balance not zero at the core", "2"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesThePendingClosureWhenItsOwnAnswerSaysSo() {
            fixture.given(secondClosurePending)
                    .when(new RefuseClosure(ID, "blocked at the core", "4"))
                    .expectEvents(new AccountClosureRefused(ID, "blocked at the core"));
        }

        @Test
        void closesOnlyWhenTheAnswerNamesThePendingClosure() {
            fixture.given(secondClosurePending)
                    .when(new ConfirmClosure(ID, "4"))
                    .expectEvents(new AccountClosed(ID));
        }

        @Test
        void ignoresAConfirmationOfAClosureThatIsNotPending() {
            fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID), new AccountClosureRefused(ID, "no"))
                    .when(new ConfirmClosure(ID, "2"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void takesAnAnswerNamingNoRequestAsAnsweringThePendingClosure() {
            fixture.given(secondClosurePending)
                    .when(new RefuseClosure(ID, "published before answers named requests"))
                    .expectEvents(new AccountClosureRefused(ID, "published before answers named requests"));
        }
    }

    @Nested
    class RecordTypeChange {

        /** Change 2 (to SAVINGS) was made, change 4 (back to PERSONAL) is pending. */
        private final Object[] secondChangePending = {OPENED, ACTIVATED,
                new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS),
                new RecordTypeChanged(ID, RecordType.SAVINGS),
                new RecordTypeChangeRequested(ID, RecordType.SAVINGS, RecordType.PERSONAL)};

        @Test
        void ignoresAReplayedConfirmationOfAnEarlierChange() {
            fixture.given(secondChangePending)
                    .when(new ConfirmRecordTypeChange(ID, RecordType.SAVINGS, "2"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void ignoresAReplayedConfirmationOnceNothingIsPending() {
            fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS),
                            new RecordTypeChanged(ID, RecordType.SAVINGS),
                            new RecordTypeChangeRequested(ID, RecordType.SAVINGS, RecordType.PERSONAL),
                            new RecordTypeChanged(ID, RecordType.PERSONAL))
                    .when(new ConfirmRecordTypeChange(ID, RecordType.SAVINGS, "2"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void ignoresAReplayedRefusalOfAnEarlierChange() {
            fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS),
                            new RecordTypeChangeRefused(ID, RecordType.SAVINGS, "not allowed"),
                            new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                    .when(new RefuseRecordTypeChange(ID, "not allowed", "2"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void changesWhenTheAnswerNamesThePendingChange() {
            fixture.given(secondChangePending)
                    .when(new ConfirmRecordTypeChange(ID, RecordType.PERSONAL, "4"))
                    .expectEvents(new RecordTypeChanged(ID, RecordType.PERSONAL));
        }
    }

    @Nested
    class Reservations {

        @Test
        void aReplayedRequestOfAReleasedReservationHoldsNothing() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("10.00")),
                            new ReservationReleased(ID, "t1", dkk("10.00")))
                    .when(new ReserveFunds(ID, "t1", dkk("10.00")))
                    .expectNoEvents();
        }

        @Test
        void aReplayedRequestOfACapturedReservationHoldsNothing() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("10.00")),
                            new PostingBooked(ID, "t1/debit", dkk("-10.00"), "rent", "t1", dkk("10.00"), dkk("90.00")))
                    .when(new ReserveFunds(ID, "t1", dkk("10.00")))
                    .expectNoEvents();
        }

        @Test
        void aReservationRejectedBeforeItsRequestArrivedIsNeverHeld() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"),
                            new ReservationReleased(ID, "t1", dkk("0.00")))
                    .when(new ReserveFunds(ID, "t1", dkk("10.00")))
                    .expectNoEvents();
        }

        @Test
        void aDebitBookedBeforeItsReservationArrivedSettlesTheReservation() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"))
                    .when(new BookPosting(ID, "t1/debit", dkk("-10.00"), "rent", "t1"))
                    .expectEvents(new ReservationReleased(ID, "t1", dkk("0.00")),
                            new PostingBooked(ID, "t1/debit", dkk("-10.00"), "rent", null, null, dkk("90.00")));
        }

        @Test
        void aRequestMadeBeforeTheSettlementsTheLedgerForgotHoldsNothing() {
            Object[] history = new Object[Ledger.REMEMBERED_SETTLEMENTS + 4];
            history[0] = OPENED;
            history[1] = ACTIVATED;
            history[2] = credit("p1", "100.00", "100.00");
            for (int i = 3; i < history.length; i++) {
                history[i] = new ReservationReleased(ID, "old-" + i, dkk("0.00"));
            }
            fixture.given(history)
                    .when(new ReserveFunds(ID, "old-3", dkk("10.00"), Instant.parse("2026-01-01T00:00:00Z")))
                    .expectNoEvents();
        }

        @Test
        void aNewRequestIsHeldAlthoughTheLedgerForgotOlderSettlements() {
            Object[] history = new Object[Ledger.REMEMBERED_SETTLEMENTS + 4];
            history[0] = OPENED;
            history[1] = ACTIVATED;
            history[2] = credit("p1", "100.00", "100.00");
            for (int i = 3; i < history.length; i++) {
                history[i] = new ReservationReleased(ID, "old-" + i, dkk("0.00"));
            }
            fixture.given(history)
                    .when(new ReserveFunds(ID, "new", dkk("10.00"), Instant.now().plusSeconds(60)))
                    .expectEvents(new FundsReserved(ID, "new", dkk("10.00")));
        }

        @Test
        void aDeclinedReservationIsNotReleasedAgain() {
            fixture.given(OPENED, ACTIVATED, new FundsReservationDeclined(ID, "t1", dkk("10.00"),
                            DeclineReason.INSUFFICIENT_FUNDS))
                    .when(new ReleaseReservation(ID, "t1"))
                    .expectNoEvents();
        }
    }
}
