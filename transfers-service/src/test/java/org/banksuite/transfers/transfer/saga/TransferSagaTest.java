package org.banksuite.transfers.transfer.saga;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.saga.SagaTestFixture;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.RejectionReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.banksuite.transfers.transfer.domain.RejectionReason.*;
import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;
import static org.banksuite.transfers.transfer.saga.TransferSaga.*;

class TransferSagaTest {

    private static final String ID = "t1";
    private static final String DEBTOR = "a1";
    private static final Creditor CREDITOR = Creditor.bankAccount("1234", "0012345678");
    private static final Money AMOUNT = Money.of("125.50", Currency.DKK);
    private static final Duration RESERVATION_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CORE_ANSWER_TIMEOUT = Duration.ofHours(1);
    private static final TransferDeadlines DEADLINES = new TransferDeadlines(RESERVATION_TIMEOUT, CORE_ANSWER_TIMEOUT,
            ZoneId.of("Europe/Copenhagen"));

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate EXECUTION_DATE = LocalDate.of(2026, 3, 12);
    /** Midnight in Copenhagen (UTC+1 in March) as the 12th begins. */
    private static final Instant START_OF_EXECUTION_DATE = Instant.parse("2026-03-11T23:00:00Z");

    private static final TransferScheduled SCHEDULED = new TransferScheduled(ID, DEBTOR, CREDITOR, AMOUNT, "rent",
            "rent March", EXECUTION_DATE);
    private static final TransferRequested REQUESTED = new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, "rent",
            "rent March", null);
    private static final TransferFundsReserved RESERVED = new TransferFundsReserved(ID, DEBTOR, AMOUNT);
    private static final TransferBooked BOOKED = new TransferBooked(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March",
            "core-42");
    private static final RejectTransfer TIME_OUT = new RejectTransfer(ID, TIMED_OUT,
            "no answer from accounts within PT5M");
    private static final ReportCoreAnswerOverdue ASK_AGAIN = new ReportCoreAnswerOverdue(ID);

    private static RequestResolution resolveAfter(int overdueAnswers) {
        return new RequestResolution(ID, "the core's answer is overdue " + overdueAnswers + " times in a row", null);
    }

    private SagaTestFixture<TransferSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TransferSaga.class);
        fixture.registerResource(DEADLINES);
    }

    private static TransferRejected rejected(RejectionReason reason, boolean fundsWereReserved) {
        return new TransferRejected(ID, DEBTOR, reason, "because", fundsWereReserved);
    }

    @Nested
    class ScheduledTransfers {

        @Test
        void waitsForTheStartOfTheExecutionDateInCopenhagen() {
            fixture.givenCurrentTime(NOW)
                    .whenPublishingA(SCHEDULED)
                    .expectActiveSagas(1)
                    .expectAssociationWith("transferId", ID)
                    .expectScheduledDeadlineWithName(START_OF_EXECUTION_DATE, EXECUTE_TRANSFER)
                    .expectNoDispatchedCommands();
        }

        @Test
        void startsTheTransferWhenItsExecutionDateBegins() {
            fixture.givenCurrentTime(NOW)
                    .andThenAPublished(SCHEDULED)
                    .whenTimeAdvancesTo(START_OF_EXECUTION_DATE)
                    .expectDispatchedCommands(new StartScheduledTransfer(ID));
        }

        @Test
        void doesNotStartTheTransferBeforeItsExecutionDate() {
            fixture.givenCurrentTime(NOW)
                    .andThenAPublished(SCHEDULED)
                    .whenTimeAdvancesTo(START_OF_EXECUTION_DATE.minusSeconds(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void startsAtCopenhagenMidnightInSummerTimeToo() {
            TransferScheduled inJuly = new TransferScheduled(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent July",
                    LocalDate.of(2026, 7, 1));
            fixture.givenCurrentTime(NOW)
                    .whenPublishingA(inJuly)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-06-30T22:00:00Z"), EXECUTE_TRANSFER);
        }

        @Test
        void theStartedTransferJoinsTheSagaAndWaitsForTheReservation() throws Exception {
            fixture.givenCurrentTime(NOW)
                    .andThenAPublished(SCHEDULED)
                    .andThenTimeAdvancesTo(START_OF_EXECUTION_DATE)
                    .whenPublishingA(new TransferRequested(ID, DEBTOR, CREDITOR, AMOUNT, "rent", "rent March",
                            EXECUTION_DATE))
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(RESERVATION_TIMEOUT, FUNDS_RESERVATION_TIMEOUT)
                    .expectNoDispatchedCommands();
        }

        @Test
        void rejectingAScheduledTransferCancelsItsStart() {
            fixture.givenCurrentTime(NOW)
                    .andThenAPublished(SCHEDULED)
                    .whenPublishingA(rejected(ACCOUNT_NOT_ACTIVE, false))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Reservation {

        @Test
        void aRequestedTransferWaitsForTheReservationUntilTheTimeout() {
            fixture.givenNoPriorActivity()
                    .whenPublishingA(REQUESTED)
                    .expectActiveSagas(1)
                    .expectAssociationWith("transferId", ID)
                    .expectScheduledDeadlineWithName(RESERVATION_TIMEOUT, FUNDS_RESERVATION_TIMEOUT)
                    .expectNoDispatchedCommands();
        }

        @Test
        void rejectsTheTransferWhenAccountsDoNotAnswerInTime() {
            fixture.givenAPublished(REQUESTED)
                    .whenTimeElapses(RESERVATION_TIMEOUT)
                    .expectDispatchedCommands(TIME_OUT);
        }

        @Test
        void doesNotRejectBeforeTheTimeout() {
            fixture.givenAPublished(REQUESTED)
                    .whenTimeElapses(RESERVATION_TIMEOUT.minusSeconds(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void theReservationCancelsTheTimeout() {
            fixture.givenAPublished(REQUESTED)
                    .whenPublishingA(RESERVED)
                    .expectNoScheduledDeadlineWithName(RESERVATION_TIMEOUT, FUNDS_RESERVATION_TIMEOUT);
        }

        @Test
        void aReservedTransferIsNotRejectedWhenTheTimeoutWouldHaveExpired() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(RESERVATION_TIMEOUT)
                    .expectNoDispatchedCommands();
        }

        @Test
        void theReservationStartsWaitingForTheCoresAnswer() {
            fixture.givenAPublished(REQUESTED)
                    .whenPublishingA(RESERVED)
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(CORE_ANSWER_TIMEOUT, CORE_ANSWER_OVERDUE);
        }

        @Test
        void aRejectionEndsTheSagaAndCancelsTheTimeout() {
            fixture.givenAPublished(REQUESTED)
                    .whenPublishingA(rejected(INSUFFICIENT_FUNDS, false))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aTimedOutTransferIsNotRejectedTwice() throws Exception {
            fixture.givenAPublished(REQUESTED)
                    .andThenTimeElapses(RESERVATION_TIMEOUT)
                    .andThenAPublished(rejected(TIMED_OUT, false))
                    .whenTimeElapses(Duration.ofDays(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aLateReservationAfterTheRejectionChangesNothing() throws Exception {
            fixture.givenAPublished(REQUESTED)
                    .andThenTimeElapses(RESERVATION_TIMEOUT)
                    .andThenAPublished(rejected(TIMED_OUT, false))
                    .whenPublishingA(RESERVED)
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines()
                    .expectNoDispatchedCommands();
        }
    }

    @Nested
    class CoreAnswer {

        @Test
        void asksAgainWhenTheCoreIsSilent() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT)
                    .expectDispatchedCommands(ASK_AGAIN)
                    .expectScheduledDeadlineWithName(CORE_ANSWER_TIMEOUT, CORE_ANSWER_OVERDUE);
        }

        @Test
        void doesNotAskBeforeTheAnswerIsOverdue() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT.minusSeconds(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void keepsAskingAndNeverRejectsAReservedTransfer() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT.multipliedBy(3))
                    .expectDispatchedCommands(ASK_AGAIN, ASK_AGAIN, ASK_AGAIN, resolveAfter(3))
                    .expectActiveSagas(1);
        }

        @Test
        void asksForNoResolutionBeforeTheConfiguredNumberOfOverdueAnswers() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT.multipliedBy(TransferDeadlines.DEFAULT_RESOLVE_AFTER - 1))
                    .expectDispatchedCommands(ASK_AGAIN, ASK_AGAIN);
        }

        @Test
        void asksForTheStatusAtTheCoreAfterTheConfiguredNumberOfOverdueAnswers() {
            fixture.registerResource(new TransferDeadlines(RESERVATION_TIMEOUT, CORE_ANSWER_TIMEOUT,
                    ZoneId.of("Europe/Copenhagen"), 2));
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT.multipliedBy(2))
                    .expectDispatchedCommands(ASK_AGAIN, ASK_AGAIN, resolveAfter(2))
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(CORE_ANSWER_TIMEOUT, CORE_ANSWER_OVERDUE);
        }

        @Test
        void asksForAResolutionAgainWhenTheFirstSettledNothing() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenTimeElapses(CORE_ANSWER_TIMEOUT.multipliedBy(6))
                    .expectDispatchedCommands(ASK_AGAIN, ASK_AGAIN, ASK_AGAIN, resolveAfter(3), ASK_AGAIN, ASK_AGAIN,
                            ASK_AGAIN, resolveAfter(6));
        }

        @Test
        void aPaymentFoundNeverSubmittedEndsTheSagaAndStopsTheAsking() throws Exception {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .andThenTimeElapses(CORE_ANSWER_TIMEOUT.multipliedBy(3))
                    .whenPublishingA(rejected(NOT_SUBMITTED, true))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void bookingEndsTheSagaAndStopsTheAsking() throws Exception {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .andThenTimeElapses(CORE_ANSWER_TIMEOUT)
                    .whenPublishingA(BOOKED)
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void nothingIsAskedAfterBooking() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .andThenAPublished(BOOKED)
                    .whenTimeElapses(Duration.ofDays(1))
                    .expectNoDispatchedCommands();
        }

        @Test
        void theCoresRejectionEndsTheSagaAndStopsTheAsking() {
            fixture.givenAPublished(REQUESTED)
                    .andThenAPublished(RESERVED)
                    .whenPublishingA(rejected(CORE_REJECTED, true))
                    .expectActiveSagas(0)
                    .expectNoScheduledDeadlines();
        }
    }
}
