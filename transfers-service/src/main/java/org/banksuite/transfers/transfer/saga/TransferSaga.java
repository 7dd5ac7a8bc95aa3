package org.banksuite.transfers.transfer.saga;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.banksuite.transfers.transfer.domain.RejectionReason;

import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

/**
 * Keeps a transfer moving when the other parties are silent. It starts a scheduled transfer when its execution date
 * begins, rejects a requested transfer when accounts-service does not answer the reservation in time, and once the
 * funds are reserved asks again, every {@code coreAnswerTimeout} and for as long as it takes, for the core's answer:
 * money may have moved at the core, so a reserved transfer is never rejected by a timer. After
 * {@code resolveAfterOverdueAnswers} overdue answers in a row (and every as many after that) it asks for a resolution:
 * the adapter asks the core for the payment and settles it as booked, rejected, or never submitted (then rejected). It ends when the transfer
 * is booked or rejected, and cancels whatever timer is still pending.
 *
 * <p>Its resources are handler parameters ({@link CommandGateway}, {@link DeadlineManager}, {@link TransferDeadlines}),
 * never fields, so that the saga's stored state is only its own: the transfer's id and the ids of its deadlines. The
 * deadlines carry the transfer id as their payload. Commands are sent and waited for, so a failure fails the deadline
 * instead of vanishing; every command it sends is a no-op for a transfer that has moved on.
 */
public class TransferSaga {

    static final String ASSOCIATION = "transferId";
    static final String EXECUTE_TRANSFER = "execute-transfer";
    static final String FUNDS_RESERVATION_TIMEOUT = "funds-reservation-timeout";
    static final String CORE_ANSWER_OVERDUE = "core-answer-overdue";

    private String transferId;
    private String executionDeadline;
    private String reservationDeadline;
    private String coreAnswerDeadline;
    private int overdueAnswers;

    public TransferSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TransferScheduled event, DeadlineManager deadlineManager, TransferDeadlines deadlines) {
        transferId = event.transferId();
        Instant startOfExecutionDate = event.executionDate().atStartOfDay(deadlines.zone()).toInstant();
        executionDeadline = deadlineManager.schedule(startOfExecutionDate, EXECUTE_TRANSFER, transferId);
    }

    @DeadlineHandler(deadlineName = EXECUTE_TRANSFER)
    void executeTransfer(String dueTransferId, CommandGateway commands) {
        executionDeadline = null;
        commands.sendAndWait(new StartScheduledTransfer(dueTransferId));
    }

    /** Starts the saga of a transfer due today, or joins the one that waited for a scheduled transfer's date. */
    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TransferRequested event, DeadlineManager deadlineManager, TransferDeadlines deadlines) {
        transferId = event.transferId();
        executionDeadline = cancel(deadlineManager, EXECUTE_TRANSFER, executionDeadline);
        reservationDeadline = deadlineManager.schedule(deadlines.fundsReservationTimeout(), FUNDS_RESERVATION_TIMEOUT,
                transferId);
    }

    @DeadlineHandler(deadlineName = FUNDS_RESERVATION_TIMEOUT)
    void rejectUnreservedTransfer(String unansweredTransferId, CommandGateway commands, TransferDeadlines deadlines) {
        reservationDeadline = null;
        commands.sendAndWait(new RejectTransfer(unansweredTransferId, RejectionReason.TIMED_OUT,
                "no answer from accounts within " + deadlines.fundsReservationTimeout()));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TransferFundsReserved event, DeadlineManager deadlineManager, TransferDeadlines deadlines) {
        reservationDeadline = cancel(deadlineManager, FUNDS_RESERVATION_TIMEOUT, reservationDeadline);
        coreAnswerDeadline = cancel(deadlineManager, CORE_ANSWER_OVERDUE, coreAnswerDeadline);
        coreAnswerDeadline = deadlineManager.schedule(deadlines.coreAnswerTimeout(), CORE_ANSWER_OVERDUE, transferId);
    }

    /** Asks again, and sets the next reminder first, so that a failure to ask never ends the asking. */
    @DeadlineHandler(deadlineName = CORE_ANSWER_OVERDUE)
    void askCoreAgain(String silentTransferId, CommandGateway commands, DeadlineManager deadlineManager,
                      TransferDeadlines deadlines) {
        coreAnswerDeadline = deadlineManager.schedule(deadlines.coreAnswerTimeout(), CORE_ANSWER_OVERDUE,
                silentTransferId);
        overdueAnswers++;
        commands.sendAndWait(new ReportCoreAnswerOverdue(silentTransferId));
        if (overdueAnswers % deadlines.resolveAfterOverdueAnswers() == 0) {
            commands.sendAndWait(new RequestResolution(silentTransferId, "the core's answer is overdue "
                    + overdueAnswers + " times in a row", null));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TransferBooked event, DeadlineManager deadlineManager) {
        cancelAll(deadlineManager);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(TransferRejected event, DeadlineManager deadlineManager) {
        cancelAll(deadlineManager);
    }

    private void cancelAll(DeadlineManager deadlineManager) {
        executionDeadline = cancel(deadlineManager, EXECUTE_TRANSFER, executionDeadline);
        reservationDeadline = cancel(deadlineManager, FUNDS_RESERVATION_TIMEOUT, reservationDeadline);
        coreAnswerDeadline = cancel(deadlineManager, CORE_ANSWER_OVERDUE, coreAnswerDeadline);
    }

    private static String cancel(DeadlineManager deadlineManager, String deadlineName, String scheduleId) {
        if (scheduleId != null) {
            deadlineManager.cancelSchedule(deadlineName, scheduleId);
        }
        return null;
    }
}
