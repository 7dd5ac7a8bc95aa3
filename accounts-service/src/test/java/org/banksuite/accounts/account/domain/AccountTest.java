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

class AccountTest {

    private static final String ID = "a1";
    private static final AccountOpened OPENED = new AccountOpened(ID, "c1", Currency.DKK, RecordType.PERSONAL);
    private static final AccountActivated ACTIVATED = new AccountActivated(ID, "1234", "0012345678");
    private static final Actor OWNER = Actor.customer("c1");

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
    class Opening {

        @Test
        void opensPendingActivation() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, "c1", Currency.DKK, RecordType.PERSONAL))
                    .expectEvents(OPENED);
        }

        @Test
        void refusesOpeningWithoutCustomer() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount(ID, " ", Currency.DKK, RecordType.PERSONAL))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void activatesWhenCoreConfirms() {
            fixture.given(OPENED)
                    .when(new ActivateAccount(ID, "1234", "0012345678"))
                    .expectEvents(ACTIVATED);
        }

        @Test
        void ignoresRepeatedActivationWithSameCoreNumbers() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new ActivateAccount(ID, "1234", "0012345678"))
                    .expectNoEvents();
        }

        @Test
        void ignoresAReplayedActivationOfAnAccountClosedSince() {
            fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID), new AccountClosed(ID))
                    .when(new ActivateAccount(ID, "1234", "0012345678"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesActivationWithOtherCoreNumbersOnceActive() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new ActivateAccount(ID, "9999", "1"))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void isRejectedWhenCoreRefuses() {
            fixture.given(OPENED)
                    .when(new RejectAccountOpening(ID, "customer unknown at core"))
                    .expectEvents(new AccountOpeningRejected(ID, "customer unknown at core"));
        }

        @Test
        void ignoresARefusalArrivingAfterTheActivationAnsweredTheOpening() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new RejectAccountOpening(ID, "late"))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Reservations {

        @Test
        void reservesAvailableFunds() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"))
                    .when(new ReserveFunds(ID, "t1", dkk("100.00")))
                    .expectEvents(new FundsReserved(ID, "t1", dkk("100.00")));
        }

        @Test
        void cannotReserveMoreThanAvailable() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("60.00")))
                    .when(new ReserveFunds(ID, "t2", dkk("40.01")))
                    .expectEvents(new FundsReservationDeclined(ID, "t2", dkk("40.01"), DeclineReason.INSUFFICIENT_FUNDS));
        }

        @Test
        void declinesReservationOnAccountNotActive() {
            fixture.given(OPENED)
                    .when(new ReserveFunds(ID, "t1", dkk("1.00")))
                    .expectEvents(new FundsReservationDeclined(ID, "t1", dkk("1.00"), DeclineReason.ACCOUNT_NOT_ACTIVE));
        }

        @Test
        void declinesReservationOnBlockedAccount() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "10.00", "10.00"), new AccountBlocked(ID, "fraud"))
                    .when(new ReserveFunds(ID, "t1", dkk("1.00")))
                    .expectEvents(new FundsReservationDeclined(ID, "t1", dkk("1.00"), DeclineReason.ACCOUNT_NOT_ACTIVE));
        }

        @Test
        void declinesReservationInAnotherCurrency() {
            Money sek = Money.of("1.00", Currency.SEK);
            fixture.given(OPENED, ACTIVATED, credit("p1", "10.00", "10.00"))
                    .when(new ReserveFunds(ID, "t1", sek))
                    .expectEvents(new FundsReservationDeclined(ID, "t1", sek, DeclineReason.CURRENCY_MISMATCH));
        }

        @Test
        void refusesNonPositiveReservation() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "10.00", "10.00"))
                    .when(new ReserveFunds(ID, "t1", dkk("0.00")))
                    .expectException(InvalidAmountException.class)
                    .expectNoEvents();
        }

        @Test
        void reservesOnceForARepeatedReservationId() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("10.00")))
                    .when(new ReserveFunds(ID, "t1", dkk("10.00")))
                    .expectNoEvents();
        }

        @Test
        void doesNotReserveAgainForADeclinedReservationId() {
            fixture.given(OPENED, ACTIVATED, new FundsReservationDeclined(ID, "t1", dkk("10.00"),
                            DeclineReason.INSUFFICIENT_FUNDS), credit("p1", "100.00", "100.00"))
                    .when(new ReserveFunds(ID, "t1", dkk("10.00")))
                    .expectNoEvents();
        }

        @Test
        void releasesAHeldReservation() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("10.00")))
                    .when(new ReleaseReservation(ID, "t1"))
                    .expectEvents(new ReservationReleased(ID, "t1", dkk("10.00")));
        }

        @Test
        void releasingAnUnknownReservationSettlesItWithoutMovingMoney() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new ReleaseReservation(ID, "t1"))
                    .expectEvents(new ReservationReleased(ID, "t1", dkk("0.00")));
        }

        @Test
        void releasedFundsAreAvailableAgain() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"),
                            new FundsReserved(ID, "t1", dkk("100.00")), new ReservationReleased(ID, "t1", dkk("100.00")))
                    .when(new ReserveFunds(ID, "t2", dkk("100.00")))
                    .expectEvents(new FundsReserved(ID, "t2", dkk("100.00")));
        }
    }

    @Nested
    class Postings {

        @Test
        void booksACreditAndReportsTheBalance() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"))
                    .when(new BookPosting(ID, "p2", dkk("25.50"), "salary", null))
                    .expectEvents(credit("p2", "25.50", "125.50"));
        }

        @Test
        void booksAPostingIdOnce() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"))
                    .when(new BookPosting(ID, "p1", dkk("100.00"), "salary", null))
                    .expectNoEvents();
        }

        @Test
        void capturesTheHoldItNames() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("40.00")))
                    .when(new BookPosting(ID, "t1/debit", dkk("-40.00"), "rent", "t1"))
                    .expectEvents(new PostingBooked(ID, "t1/debit", dkk("-40.00"), "rent", "t1", dkk("40.00"), dkk("60.00")));
        }

        @Test
        void booksADebitWhoseHoldWasAlreadyReleased() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "100.00", "100.00"), new FundsReserved(ID, "t1", dkk("40.00")),
                            new ReservationReleased(ID, "t1", dkk("40.00")))
                    .when(new BookPosting(ID, "t1/debit", dkk("-40.00"), "rent", "t1"))
                    .expectEvents(new PostingBooked(ID, "t1/debit", dkk("-40.00"), "rent", null, null, dkk("60.00")));
        }

        @Test
        void booksTheCoresDebitEvenBelowZero() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookPosting(ID, "fee1", dkk("-5.00"), "fee", null))
                    .expectEvents(new PostingBooked(ID, "fee1", dkk("-5.00"), "fee", null, null, dkk("-5.00")));
        }

        @Test
        void refusesAZeroPosting() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookPosting(ID, "p1", dkk("0.00"), "nothing", null))
                    .expectException(InvalidAmountException.class);
        }

        @Test
        void refusesAPostingInAnotherCurrency() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BookPosting(ID, "p1", Money.of("1.00", Currency.EUR), "wrong", null))
                    .expectException(InvalidAmountException.class);
        }

        @Test
        void refusesAPostingBeforeActivation() {
            fixture.given(OPENED)
                    .when(new BookPosting(ID, "p1", dkk("1.00"), "early", null))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void booksPostingsOnABlockedAccount() {
            fixture.given(OPENED, ACTIVATED, new AccountBlocked(ID, "fraud"))
                    .when(new BookPosting(ID, "p1", dkk("1.00"), "salary", null))
                    .expectEvents(new PostingBooked(ID, "p1", dkk("1.00"), "salary", null, null, dkk("1.00")));
        }
    }

    @Nested
    class Blocking {

        @Test
        void answersTheVersionOfItsLastEventAfterAChange() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BlockAccount(ID, "fraud suspected", OWNER))
                    .expectEvents(new AccountBlocked(ID, "fraud suspected"))
                    .expectResultMessagePayload(new AccountState(ID, AccountStatus.BLOCKED, null, false, 2));
        }

        @Test
        void answersTheVersionItFoundWhenACommandChangesNothing() {
            fixture.given(OPENED, ACTIVATED, new AccountBlocked(ID, "fraud suspected"))
                    .when(new BlockAccount(ID, "again", OWNER))
                    .expectNoEvents()
                    .expectResultMessagePayload(new AccountState(ID, AccountStatus.BLOCKED, null, false, 2));
        }

        @Test
        void blocksAnActiveAccount() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new BlockAccount(ID, "fraud suspected", OWNER))
                    .expectEvents(new AccountBlocked(ID, "fraud suspected"));
        }

        @Test
        void blockingABlockedAccountChangesNothing() {
            fixture.given(OPENED, ACTIVATED, new AccountBlocked(ID, "fraud"))
                    .when(new BlockAccount(ID, "again", OWNER))
                    .expectNoEvents();
        }

        @Test
        void cannotBlockAnAccountPendingActivation() {
            fixture.given(OPENED)
                    .when(new BlockAccount(ID, "fraud", OWNER))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void unblocksABlockedAccount() {
            fixture.given(OPENED, ACTIVATED, new AccountBlocked(ID, "fraud"))
                    .when(new UnblockAccount(ID))
                    .expectEvents(new AccountUnblocked(ID));
        }
    }

    @Nested
    class RecordTypeChanges {

        @Test
        void requestsAChangePendingTheCore() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new RequestRecordTypeChange(ID, RecordType.SAVINGS, OWNER))
                    .expectEvents(new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS));
        }

        @Test
        void refusesAChangeToTheCurrentRecordType() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new RequestRecordTypeChange(ID, RecordType.PERSONAL, OWNER))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void refusesASecondChangeWhileOneIsPending() {
            fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                    .when(new RequestRecordTypeChange(ID, RecordType.BUSINESS, OWNER))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void changesWhenTheCoreConfirms() {
            fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                    .when(new ConfirmRecordTypeChange(ID, RecordType.SAVINGS))
                    .expectEvents(new RecordTypeChanged(ID, RecordType.SAVINGS));
        }

        @Test
        void keepsTheRecordTypeWhenTheCoreRefuses() {
            fixture.given(OPENED, ACTIVATED, new RecordTypeChangeRequested(ID, RecordType.PERSONAL, RecordType.SAVINGS))
                    .when(new RefuseRecordTypeChange(ID, "not allowed"))
                    .expectEvents(new RecordTypeChangeRefused(ID, RecordType.SAVINGS, "not allowed"));
        }
    }

    @Nested
    class Closure {

        @Test
        void requestsClosureOfAnEmptyAccount() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new RequestClosure(ID, OWNER))
                    .expectEvents(new AccountClosureRequested(ID));
        }

        @Test
        void cannotCloseWithMoneyOnIt() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "0.01", "0.01"))
                    .when(new RequestClosure(ID, OWNER))
                    .expectException(AccountStateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotCloseWithAReservationHeld() {
            fixture.given(OPENED, ACTIVATED, credit("p1", "10.00", "10.00"), new FundsReserved(ID, "t1", dkk("10.00")),
                            new PostingBooked(ID, "x", dkk("-10.00"), "out", null, null, dkk("0.00")))
                    .when(new RequestClosure(ID, OWNER))
                    .expectException(AccountStateConflictException.class);
        }

        @Test
        void declinesReservationsWhileClosureIsPending() {
            fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID), credit("p1", "10.00", "10.00"))
                    .when(new ReserveFunds(ID, "t1", dkk("1.00")))
                    .expectEvents(new FundsReservationDeclined(ID, "t1", dkk("1.00"), DeclineReason.ACCOUNT_NOT_ACTIVE));
        }

        @Test
        void closesWhenTheCoreConfirms() {
            fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID))
                    .when(new ConfirmClosure(ID))
                    .expectEvents(new AccountClosed(ID));
        }

        @Test
        void staysOpenWhenTheCoreRefusesClosure() {
            fixture.given(OPENED, ACTIVATED, new AccountClosureRequested(ID))
                    .when(new RefuseClosure(ID, "pending card settlement"))
                    .expectEvents(new AccountClosureRefused(ID, "pending card settlement"));
        }

        @Test
        void cannotConfirmAClosureNobodyRequested() {
            fixture.given(OPENED, ACTIVATED)
                    .when(new ConfirmClosure(ID))
                    .expectException(AccountStateConflictException.class);
        }
    }
}
