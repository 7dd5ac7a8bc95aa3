package org.banksuite.adapter.payment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.banksuite.money.Money;

/** What can be asked of a {@link CorePayment}; its id is the transfer's. */
public sealed interface PaymentCommand {

    String transferId();

    /** Remember what a requested transfer will pay, for when its funds are reserved. */
    record RegisterPaymentOrder(@TargetAggregateIdentifier String transferId, String debtorAccountId,
                                PaymentCreditor creditor, Money amount, String text) implements PaymentCommand {
    }

    /** The transfer's funds are on hold: submit the payment to the core. */
    record SubmitPayment(@TargetAggregateIdentifier String transferId) implements PaymentCommand {
    }

    /**
     * transfers-service has waited long for the core's answer: repeat it if the core gave it (transfers takes a repeat
     * as a no-op), or keep trying if it has not. A payment never submitted is refused, for support to see.
     */
    record ReportPaymentAnswerOverdue(@TargetAggregateIdentifier String transferId) implements PaymentCommand {
    }

    /**
     * Settle the payment for good (transfers-service asked, after its answer stayed overdue or for support): ask the
     * core for it; booked there, it is accepted; rejected, rejected; unknown there, it is never submitted again.
     */
    record ResolvePayment(@TargetAggregateIdentifier String transferId, String reason) implements PaymentCommand {
    }

    /** The core has no payment under the transfer's key: it never received it, and now never will. */
    record RecordPaymentNotSubmitted(@TargetAggregateIdentifier String transferId, String reason)
            implements PaymentCommand {
    }

    record RecordPaymentAccepted(@TargetAggregateIdentifier String transferId, String coreReference)
            implements PaymentCommand {
    }

    record RecordPaymentRejected(@TargetAggregateIdentifier String transferId, String reason)
            implements PaymentCommand {
    }
}
