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
 * one changes nothing, and a contradicting one is refused for support. A resolution (asked for by transfers-service)
 * stops any further submission and asks the core: booked there, accepted; unknown there, {@code NOT_SUBMITTED}, final,
 * so that no submission arriving later (a retried or replayed one) can ever reach the core.
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

    /**
     * Repeats a settled answer; otherwise changes nothing: a payment never submitted (or never heard of) is left to
     * the resolution transfers-service asks for after enough overdue answers, instead of failing the event into the
     * dead-letter queue, where it would hold back that resolution.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportPaymentAnswerOverdue command) {
        if (status == null) {
            return;
        }
        switch (status) {
            case REGISTERED, SUBMITTING, RESOLVING -> {
                // the saga keeps asking the core on its own schedule, or a resolution will settle it
            }
            case ACCEPTED -> apply(new CorePaymentAccepted(transferId, operationId, coreReference));
            case REJECTED -> apply(new CorePaymentRejected(transferId, operationId, rejectionReason));
            case NOT_SUBMITTED -> apply(new CorePaymentNotSubmitted(transferId, operationId, rejectionReason));
        }
    }

    /** Starts a resolution, or repeats the settled answer; a payment never heard of is resolved too (as never sent). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ResolvePayment command) {
        if (status == null) {
            apply(new PaymentResolutionStarted(command.transferId(), UUID.randomUUID().toString(), null,
                    command.reason()));
            return;
        }
        switch (status) {
            case REGISTERED -> apply(new PaymentResolutionStarted(transferId, UUID.randomUUID().toString(),
                    debtorAccountId, command.reason()));
            case SUBMITTING, RESOLVING -> apply(new PaymentResolutionStarted(transferId, operationId, debtorAccountId,
                    command.reason()));
            case ACCEPTED -> apply(new CorePaymentAccepted(transferId, operationId, coreReference));
            case REJECTED -> apply(new CorePaymentRejected(transferId, operationId, rejectionReason));
            case NOT_SUBMITTED -> apply(new CorePaymentNotSubmitted(transferId, operationId, rejectionReason));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentNotSubmitted command) {
        if (status == ACCEPTED) {
            throw new PaymentStateConflictException("the core has no payment " + transferId
                    + ", which it accepted before under " + coreReference);
        }
        if (status == RESOLVING) {
            apply(new CorePaymentNotSubmitted(transferId, operationId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentAccepted command) {
        if (status == REJECTED || status == NOT_SUBMITTED) {
            throw new PaymentStateConflictException("the core accepted payment " + transferId
                    + ", which was " + (status == REJECTED ? "rejected" : "settled as never submitted") + " before");
        }
        if (status == SUBMITTING || status == RESOLVING) {
            apply(new CorePaymentAccepted(transferId, operationId, command.coreReference()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentRejected command) {
        if (status == ACCEPTED) {
            throw new PaymentStateConflictException("the core rejected payment " + transferId
                    + ", which was accepted before");
        }
        if (status == SUBMITTING || status == RESOLVING) {
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
    void on(PaymentResolutionStarted event) {
        transferId = event.transferId();
        status = RESOLVING;
        operationId = event.operationId();
    }

    @EventSourcingHandler
    void on(CorePaymentNotSubmitted event) {
        status = NOT_SUBMITTED;
        rejectionReason = event.reason();
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
