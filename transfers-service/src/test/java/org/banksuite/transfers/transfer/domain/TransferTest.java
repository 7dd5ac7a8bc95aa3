package org.banksuite.transfers.transfer.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.banksuite.money.Currency;
import org.banksuite.money.InvalidAmountException;
import org.banksuite.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.banksuite.transfers.transfer.domain.RejectionReason.*;
import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

class TransferTest {

    private static final String ID = "t1";
    private static final String DEBTOR = "a1";
    private static final Creditor CREDITOR = Creditor.bankAccount("1234", "0012345678");
    private static final Money AMOUNT = dkk("125.50");
    /** 10:00 UTC on 10 March 2026: 11:00 in Copenhagen, the same day. */
    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    private static final TransferRequested REQUESTED = requested(null);
    private static final TransferScheduled SCHEDULED = new TransferScheduled(ID, DEBTOR, CREDITOR, AMOUNT, "rent",
            "rent March", TOMORROW);
    private static final TransferFundsReserved RESERVED = new TransferFundsReserved(ID, DEBTOR, AMOUNT);
    private static final TransferSubmitted SUBMITTED = new TransferSubmitted(ID, DEBTOR);
    private static final TransferBooked BOOKED = new TransferBooked(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March",
            "core-42");
    private static final TransferRejected REJECTED = new TransferRejected(ID, DEBTOR, INSUFFICIENT_FUNDS, "declined",
            false);

    private FixtureConfiguration<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureAt(NOW);
    }

    private static FixtureConfiguration<Transfer> fixtureAt(Instant now) {
        FixtureConfiguration<Transfer> fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return fixture;
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }

    private static TransferRequested requested(LocalDate executionDate) {
        return new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March", executionDate);
    }

    private static RequestTransfer request(LocalDate executionDate) {
        return new RequestTransfer(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March", executionDate);
    }

    private static RequestTransfer request(Creditor creditor, Money amount, String debtorText, String creditorText) {
        return new RequestTransfer(ID, DEBTOR, creditor, amount, debtorText, creditorText, null);
    }

    @Nested
    class Requesting {

        @Test
        void requestsATransferWithoutExecutionDateAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(request(null))
                    .expectEvents(REQUESTED);
        }

        @Test
        void requestsATransferDatedTodayAtOnce() {
            fixture.givenNoPriorActivity()
                    .when(request(TODAY))
                    .expectEvents(requested(TODAY));
        }

        @Test
        void schedulesATransferDatedInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(request(TOMORROW))
                    .expectEvents(SCHEDULED);
        }

        @Test
        void takesTodayFromTheCopenhagenCalendarNotFromUtc() {
            // 23:30 UTC on 9 March is already 00:30 on 10 March in Copenhagen
            fixtureAt(Instant.parse("2026-03-09T23:30:00Z")).givenNoPriorActivity()
                    .when(request(TODAY))
                    .expectEvents(requested(TODAY));
        }

        @Test
        void refusesAnExecutionDateThatHasPassed() {
            fixture.givenNoPriorActivity()
                    .when(request(TODAY.minusDays(1)))
                    .expectException(TransferRefusedException.class)
                    .expectNoEvents();
        }

        @Test
        void transfersToAnotherSuiteAccount() {
            fixture.givenNoPriorActivity()
                    .when(request(Creditor.suiteAccount("a2"), AMOUNT, "rent", "rent March"))
                    .expectEvents(new TransferRequested(ID, DEBTOR, Creditor.suiteAccount("a2"), AMOUNT, "rent",
                            "rent March", null));
        }

        @Test
        void refusesATransferToTheDebtorsOwnAccount() {
            fixture.givenNoPriorActivity()
                    .when(request(Creditor.suiteAccount(DEBTOR), AMOUNT, "rent", "rent March"))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAZeroAmount() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, dkk("0.00"), "rent", "rent March"))
                    .expectException(InvalidAmountException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesANegativeAmount() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, dkk("-1.00"), "rent", "rent March"))
                    .expectException(InvalidAmountException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAnAmountInAnotherCurrencyThanDkk() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, Money.of("10.00", Currency.SEK), "rent", "rent March"))
                    .expectException(TransferRefusedException.class)
                    .expectExceptionMessage("domestic credit transfers are in DKK only, not SEK")
                    .expectNoEvents();
        }

        @Test
        void refusesARequestWithoutDebtorAccount() {
            fixture.givenNoPriorActivity()
                    .when(new RequestTransfer(ID, " ", CREDITOR, AMOUNT, "rent", "rent March", null))
                    .expectException(TransferRefusedException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAMissingText() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, AMOUNT, null, "rent March"))
                    .expectException(TransferRefusedException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsAnEmptyText() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, AMOUNT, "rent", ""))
                    .expectEvents(new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "", null));
        }

        @Test
        void acceptsATextOf140Characters() {
            String longest = "x".repeat(140);
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, AMOUNT, longest, "rent March"))
                    .expectEvents(new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, longest, "rent March", null));
        }

        @Test
        void refusesATextLongerThan140Characters() {
            fixture.givenNoPriorActivity()
                    .when(request(CREDITOR, AMOUNT, "rent", "x".repeat(141)))
                    .expectException(TransferRefusedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ScheduledTransfers {

        @Test
        void startsAScheduledTransferWithTheSameDetails() {
            fixture.given(SCHEDULED)
                    .when(new StartScheduledTransfer(ID))
                    .expectEvents(requested(TOMORROW));
        }

        @Test
        void startingAStartedTransferAgainChangesNothing() {
            fixture.given(SCHEDULED, requested(TOMORROW))
                    .when(new StartScheduledTransfer(ID))
                    .expectNoEvents();
        }

        @Test
        void startingARejectedScheduledTransferChangesNothing() {
            fixture.given(SCHEDULED, new TransferRejected(ID, DEBTOR, ACCOUNT_NOT_ACTIVE, "closed", false))
                    .when(new StartScheduledTransfer(ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reservation {

        @Test
        void confirmsReservedFunds() {
            fixture.given(REQUESTED)
                    .when(new ConfirmFundsReserved(ID))
                    .expectEvents(RESERVED);
        }

        @Test
        void confirmingReservedFundsAgainChangesNothing() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new ConfirmFundsReserved(ID))
                    .expectNoEvents();
        }

        @Test
        void confirmingReservedFundsOfASubmittedTransferChangesNothing() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new ConfirmFundsReserved(ID))
                    .expectNoEvents();
        }

        @Test
        void confirmingReservedFundsOfABookedTransferChangesNothing() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new ConfirmFundsReserved(ID))
                    .expectNoEvents();
        }

        @Test
        void aLateReservationAfterATimeOutChangesNothing() {
            fixture.given(REQUESTED, new TransferRejected(ID, DEBTOR, TIMED_OUT, "no answer", false))
                    .when(new ConfirmFundsReserved(ID))
                    .expectNoEvents();
        }

        @Test
        void cannotReserveFundsForATransferNotYetDue() {
            fixture.given(SCHEDULED)
                    .when(new ConfirmFundsReserved(ID))
                    .expectException(TransferStateConflictException.class);
        }
    }

    @Nested
    class Submission {

        @Test
        void confirmsSubmissionOfAReservedTransfer() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new ConfirmSubmitted(ID))
                    .expectEvents(SUBMITTED);
        }

        @Test
        void confirmingSubmissionAgainChangesNothing() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new ConfirmSubmitted(ID))
                    .expectNoEvents();
        }

        @Test
        void confirmingSubmissionBeforeReservationChangesNothing() {
            fixture.given(REQUESTED)
                    .when(new ConfirmSubmitted(ID))
                    .expectNoEvents();
        }

        @Test
        void confirmingSubmissionOfABookedTransferChangesNothing() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new ConfirmSubmitted(ID))
                    .expectNoEvents();
        }

        @Test
        void confirmingSubmissionOfARejectedTransferChangesNothing() {
            fixture.given(REQUESTED, REJECTED)
                    .when(new ConfirmSubmitted(ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rejection {

        @Test
        void rejectsARequestedTransferWithNothingReserved() {
            fixture.given(REQUESTED)
                    .when(new RejectTransfer(ID, INSUFFICIENT_FUNDS, "declined"))
                    .expectEvents(REJECTED);
        }

        @Test
        void rejectsAScheduledTransfer() {
            fixture.given(SCHEDULED)
                    .when(new RejectTransfer(ID, ACCOUNT_NOT_ACTIVE, "account closed"))
                    .expectEvents(new TransferRejected(ID, DEBTOR, ACCOUNT_NOT_ACTIVE, "account closed", false));
        }

        @Test
        void rejectsAReservedTransferTheCoreRefusedAndSaysFundsWereReserved() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new RejectTransfer(ID, CORE_REJECTED, "creditor account unknown"))
                    .expectEvents(new TransferRejected(ID, DEBTOR, CORE_REJECTED, "creditor account unknown", true));
        }

        @Test
        void rejectsASubmittedTransferTheCoreRefusedAndSaysFundsWereReserved() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new RejectTransfer(ID, CORE_REJECTED, "creditor account unknown"))
                    .expectEvents(new TransferRejected(ID, DEBTOR, CORE_REJECTED, "creditor account unknown", true));
        }

        @Test
        void rejectsARequestedTransferThatTimedOut() {
            fixture.given(REQUESTED)
                    .when(new RejectTransfer(ID, TIMED_OUT, "no answer"))
                    .expectEvents(new TransferRejected(ID, DEBTOR, TIMED_OUT, "no answer", false));
        }

        @Test
        void aTimeOutDoesNotRejectATransferWithReservedFunds() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new RejectTransfer(ID, TIMED_OUT, "no answer"))
                    .expectNoEvents();
        }

        @Test
        void aTimeOutDoesNotRejectASubmittedTransfer() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new RejectTransfer(ID, TIMED_OUT, "no answer"))
                    .expectNoEvents();
        }

        @Test
        void aTimeOutAfterBookingChangesNothing() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new RejectTransfer(ID, TIMED_OUT, "no answer"))
                    .expectNoEvents();
        }

        @Test
        void rejectingARejectedTransferChangesNothing() {
            fixture.given(REQUESTED, REJECTED)
                    .when(new RejectTransfer(ID, CORE_REJECTED, "again"))
                    .expectNoEvents();
        }

        @Test
        void cannotRejectATransferTheCoreBooked() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new RejectTransfer(ID, CORE_REJECTED, "late"))
                    .expectException(TransferStateConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Booking {

        @Test
        void booksASubmittedTransfer() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectEvents(BOOKED);
        }

        @Test
        void booksAReservedTransferWhoseSubmissionWasNotConfirmed() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectEvents(BOOKED);
        }

        @Test
        void bookingABookedTransferAgainChangesNothing() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectNoEvents();
        }

        @Test
        void cannotBookATransferWithoutReservedFunds() {
            fixture.given(REQUESTED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectException(TransferStateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotBookARejectedTransfer() {
            fixture.given(REQUESTED, REJECTED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectException(TransferStateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void cannotBookAScheduledTransfer() {
            fixture.given(SCHEDULED)
                    .when(new BookTransfer(ID, "core-42"))
                    .expectException(TransferStateConflictException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class OverdueCoreAnswers {

        @Test
        void reportsTheFirstOverdueAnswerOfAReservedTransfer() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new ReportCoreAnswerOverdue(ID))
                    .expectEvents(new TransferCoreAnswerOverdue(ID, DEBTOR, 1));
        }

        @Test
        void countsEveryTimeTheCoreIsAskedAgain() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED, new TransferCoreAnswerOverdue(ID, DEBTOR, 1),
                            new TransferCoreAnswerOverdue(ID, DEBTOR, 2))
                    .when(new ReportCoreAnswerOverdue(ID))
                    .expectEvents(new TransferCoreAnswerOverdue(ID, DEBTOR, 3));
        }

        @Test
        void anOverdueReportBeforeReservationChangesNothing() {
            fixture.given(REQUESTED)
                    .when(new ReportCoreAnswerOverdue(ID))
                    .expectNoEvents();
        }

        @Test
        void anOverdueReportAfterBookingChangesNothing() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new ReportCoreAnswerOverdue(ID))
                    .expectNoEvents();
        }

        @Test
        void anOverdueReportAfterRejectionChangesNothing() {
            fixture.given(REQUESTED, RESERVED, new TransferRejected(ID, DEBTOR, CORE_REJECTED, "refused", true))
                    .when(new ReportCoreAnswerOverdue(ID))
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolution {

        @Test
        void asksTheAdapterToResolveAReservedTransfer() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new RequestResolution(ID, "customer called", "support.alice"))
                    .expectEvents(new TransferResolutionRequested(ID, DEBTOR, "customer called", "support.alice"))
                    .expectResultMessagePayload(new TransferState(ID, TransferStatus.FUNDS_RESERVED, 2));
        }

        @Test
        void asksTheAdapterToResolveASubmittedTransfer() {
            fixture.given(REQUESTED, RESERVED, SUBMITTED)
                    .when(new RequestResolution(ID, "overdue 3 times", null))
                    .expectEvents(new TransferResolutionRequested(ID, DEBTOR, "overdue 3 times", null));
        }

        @Test
        void supportCannotResolveABookedTransfer() {
            fixture.given(REQUESTED, RESERVED, BOOKED)
                    .when(new RequestResolution(ID, "customer called", "support.alice"))
                    .expectException(TransferStateConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void supportCannotResolveATransferWhoseFundsAreNotReservedYet() {
            fixture.given(REQUESTED)
                    .when(new RequestResolution(ID, "customer called", "support.alice"))
                    .expectException(TransferStateConflictException.class);
        }

        @Test
        void theDeadlinesResolutionOfASettledTransferChangesNothing() {
            fixture.given(REQUESTED, RESERVED, new TransferRejected(ID, DEBTOR, CORE_REJECTED, "refused", true))
                    .when(new RequestResolution(ID, "overdue 3 times", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAResolutionWithoutReason() {
            fixture.given(REQUESTED, RESERVED)
                    .when(new RequestResolution(ID, " ", "support.alice"))
                    .expectException(IllegalArgumentException.class);
        }

        @Test
        void rejectsAPaymentFoundNeverSubmittedAndSaysFundsWereReserved() {
            fixture.given(REQUESTED, RESERVED, new TransferResolutionRequested(ID, DEBTOR, "overdue", null))
                    .when(new RejectTransfer(ID, NOT_SUBMITTED, "never submitted"))
                    .expectEvents(new TransferRejected(ID, DEBTOR, NOT_SUBMITTED, "never submitted", true));
        }
    }

    @Nested
    class ForeignDeclineReasons {

        @Test
        void mapsTheDeclinesItKnows() {
            org.assertj.core.api.Assertions.assertThat(RejectionReason.ofAccountDecline("INSUFFICIENT_FUNDS"))
                    .isEqualTo(INSUFFICIENT_FUNDS);
        }

        @Test
        void mapsADeclineReasonAddedLaterToOther() {
            org.assertj.core.api.Assertions.assertThat(RejectionReason.ofAccountDecline("ACCOUNT_FROZEN_BY_COURT"))
                    .isEqualTo(OTHER);
            org.assertj.core.api.Assertions.assertThat(RejectionReason.ofAccountDecline(null)).isEqualTo(OTHER);
        }

        @Test
        void neverTakesAReasonOfAnotherPartyForADecline() {
            org.assertj.core.api.Assertions.assertThat(RejectionReason.ofAccountDecline("CORE_REJECTED")).isEqualTo(OTHER);
        }
    }
}
