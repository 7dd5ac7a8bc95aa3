package org.banksuite.adapter.payment.domain;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.banksuite.money.Money;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.banksuite.adapter.payment.domain.PaymentCommand.*;
import static org.banksuite.adapter.payment.domain.PaymentEvent.*;
import static org.banksuite.adapter.payment.domain.PaymentStatus.*;

/**
 * A transfer's payment at the core. Its id, the transfer id, is the Idempotency-Key of every submission, so the core
 * books it once however often it is sent. It is submitted once; the first answer of the core settles it, a repeated
 * one changes nothing, and a contradicting one is refused for support.
 */
public class CorePayment {

    @AggregateIdentifier
    private String transferId;
    private PaymentStatus status;
    private String operationId;
    private String debtorAccountId;
    private PaymentCreditor creditor;
    private Money amount;
    private String text;
    private String coreReference;
    private String rejectionReason;

    protected CorePayment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterPaymentOrder command) {
        if (status == null) {
            apply(new PaymentOrderRegistered(command.transferId(), command.debtorAccountId(), command.creditor(),
                    command.amount(), command.text()));
        }
    }

    @CommandHandler
    public void handle(SubmitPayment command) {
        if (status == REGISTERED) {
            apply(new PaymentSubmissionStarted(transferId, UUID.randomUUID().toString(), debtorAccountId, creditor,
                    amount, text));
        }
    }

    @CommandHandler
    public void handle(ReportPaymentAnswerOverdue command) {
        switch (status) {
            case REGISTERED -> throw new PaymentNotSubmittedException(transferId);
            case SUBMITTING -> {
                // the saga keeps asking the core on its own schedule
            }
            case ACCEPTED -> apply(new CorePaymentAccepted(transferId, operationId, coreReference));
            case REJECTED -> apply(new CorePaymentRejected(transferId, operationId, rejectionReason));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentAccepted command) {
        if (status == REJECTED) {
            throw new PaymentStateConflictException("the core accepted payment " + transferId
                    + ", which was rejected before");
        }
        if (status == SUBMITTING) {
            apply(new CorePaymentAccepted(transferId, operationId, command.coreReference()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentRejected command) {
        if (status == ACCEPTED) {
            throw new PaymentStateConflictException("the core rejected payment " + transferId
                    + ", which was accepted before");
        }
        if (status == SUBMITTING) {
            apply(new CorePaymentRejected(transferId, operationId, command.reason()));
        }
    }

    @EventSourcingHandler
    void on(PaymentOrderRegistered event) {
        transferId = event.transferId();
        status = REGISTERED;
        debtorAccountId = event.debtorAccountId();
        creditor = event.creditor();
        amount = event.amount();
        text = event.text();
    }

    @EventSourcingHandler
    void on(PaymentSubmissionStarted event) {
        status = SUBMITTING;
        operationId = event.operationId();
    }

    @EventSourcingHandler
    void on(CorePaymentAccepted event) {
        status = ACCEPTED;
        coreReference = event.coreReference();
    }

    @EventSourcingHandler
    void on(CorePaymentRejected event) {
        status = REJECTED;
        rejectionReason = event.reason();
    }
}
