package org.banksuite.adapter.payment.saga;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CorePaymentResult;
import org.banksuite.adapter.core.Operation;
import org.banksuite.adapter.core.OperationKind;
import org.banksuite.adapter.core.PaymentInstruction;
import org.banksuite.adapter.core.RetryingSaga;
import org.banksuite.adapter.payment.domain.PaymentCreditor;
import org.banksuite.money.Money;

import static org.banksuite.adapter.payment.domain.PaymentCommand.*;
import static org.banksuite.adapter.payment.domain.PaymentEvent.*;

/**
 * Submits a transfer's payment to the core exactly once. The transfer id is the Idempotency-Key of every call. After
 * an answer that leaves the outcome unknown (a timeout, a reset, 502 or 504) it never submits blindly again: it asks
 * the core for the payment under that key first, and submits again, with the same key, only when the core says it
 * never saw it. 429 and 503 wait for the proxy's Retry-After; everything else not final backs off. It ends with the
 * core's answer: accepted (under the core's payment id) or rejected (with the core's reason).
 */
public class PaymentSaga extends RetryingSaga {

    static final String ASSOCIATION = "transferId";
    static final String ATTEMPT = "attempt-payment";
    static final String CREDITOR_UNKNOWN = "CREDITOR_ACCOUNT_UNKNOWN";
    static final String NOT_SUBMITTED = "NOT_SUBMITTED";
    private static final String KEY_REUSED = "idempotency-key-reused";

    enum Step { SUBMIT, ASK_STATUS, RESOLVE }

    private String transferId;
    private Operation operation;
    private String debtorAccountId;
    private PaymentCreditor creditor;
    private Money amount;
    private String text;
    private Step step;

    public PaymentSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PaymentSubmissionStarted event, DeadlineManager deadlines) {
        transferId = event.transferId();
        operation = new Operation(event.operationId(), OperationKind.SUBMIT_PAYMENT, event.debtorAccountId(),
                transferId);
        debtorAccountId = event.debtorAccountId();
        creditor = event.creditor();
        amount = event.amount();
        text = event.text();
        step = Step.SUBMIT;
        attemptNow(deadlines, ATTEMPT, transferId);
    }

    /** Starts asking the core to settle the payment, in place of any submission still to come. */
    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PaymentResolutionStarted event, DeadlineManager deadlines) {
        transferId = event.transferId();
        if (operation == null) {
            operation = new Operation(event.operationId(), OperationKind.SUBMIT_PAYMENT, event.debtorAccountId(),
                    transferId);
        }
        step = Step.RESOLVE;
        cancelRetry(deadlines, ATTEMPT);
        attemptNow(deadlines, ATTEMPT, transferId);
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    void onAttemptDue(String dueTransferId, CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        retryDeadline = null;
        switch (step) {
            case ASK_STATUS -> askStatus(core, commands, deadlines);
            case RESOLVE -> resolve(core, commands, deadlines);
            case SUBMIT -> submit(core, commands, deadlines);
        }
    }

    private void resolve(CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        CoreAnswer<CorePaymentResult> answer = core.gateway().findPayment(operation, transferId);
        switch (answer) {
            case CoreAnswer.Done<CorePaymentResult>(CorePaymentResult result) -> settle(result, commands);
            case CoreAnswer.Refused<CorePaymentResult> refused when refused.notFound() ->
                    commands.sendAndWait(new RecordPaymentNotSubmitted(transferId, NOT_SUBMITTED
                            + ": the core has no payment under this transfer's key; it will never be submitted"));
            default -> retryLater(answer, operation, core.retries(), deadlines, ATTEMPT, transferId);
        }
    }

    private void submit(CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        Optional<CoreAccountNumber> debtor = core.numbers().of(debtorAccountId);
        if (debtor.isEmpty()) {
            // the funds were reserved on an active account, so its core number is on its way: wait for it
            retryLater(new CoreAnswer.Unknown<>("debtor account " + debtorAccountId + " has no core number yet"),
                    operation, core.retries(), deadlines, ATTEMPT, transferId);
            return;
        }
        Optional<CoreAccountNumber> creditorNumber = creditor.isSuiteAccount()
                ? core.numbers().of(creditor.accountId()) : Optional.of(creditor.number());
        if (creditorNumber.isEmpty()) {
            commands.sendAndWait(new RecordPaymentRejected(transferId, CREDITOR_UNKNOWN + ": account "
                    + creditor.accountId() + " is not open at the core"));
            return;
        }
        PaymentInstruction instruction = new PaymentInstruction(debtor.get(), creditorNumber.get(), amount, text);
        CoreAnswer<CorePaymentResult> answer = core.gateway().submitPayment(operation, transferId, instruction);
        switch (answer) {
            case CoreAnswer.Done<CorePaymentResult>(CorePaymentResult result) -> settle(result, commands);
            case CoreAnswer.Refused<CorePaymentResult> refused when refused.reason().startsWith(KEY_REUSED) -> {
                // the core holds a payment under this key already: that one is the transfer's; ask for it after a
                // back-off, so that contradicting answers (not found, key used) cannot chase each other here
                step = Step.ASK_STATUS;
                retryLater(refused, operation, core.retries(), deadlines, ATTEMPT, transferId);
            }
            case CoreAnswer.Refused<CorePaymentResult> refused ->
                    commands.sendAndWait(new RecordPaymentRejected(transferId, refused.reason()));
            case CoreAnswer.RetryLater<CorePaymentResult> later ->
                    retryLater(later, operation, core.retries(), deadlines, ATTEMPT, transferId);
            case CoreAnswer.Unknown<CorePaymentResult> unknown -> {
                step = Step.ASK_STATUS;
                retryLater(unknown, operation, core.retries(), deadlines, ATTEMPT, transferId);
            }
        }
    }

    private void askStatus(CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        CoreAnswer<CorePaymentResult> answer = core.gateway().findPayment(operation, transferId);
        switch (answer) {
            case CoreAnswer.Done<CorePaymentResult>(CorePaymentResult result) -> settle(result, commands);
            case CoreAnswer.Refused<CorePaymentResult> refused when refused.notFound() -> {
                // the core never booked it: submitting again, under the same key, cannot book it twice
                step = Step.SUBMIT;
                submit(core, commands, deadlines);
            }
            default -> retryLater(answer, operation, core.retries(), deadlines, ATTEMPT, transferId);
        }
    }

    private void settle(CorePaymentResult result, CommandGateway commands) {
        if (result.accepted()) {
            commands.sendAndWait(new RecordPaymentAccepted(transferId, result.paymentId()));
        } else {
            commands.sendAndWait(new RecordPaymentRejected(transferId, result.reason()));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CorePaymentAccepted event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CorePaymentRejected event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CorePaymentNotSubmitted event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }
}
