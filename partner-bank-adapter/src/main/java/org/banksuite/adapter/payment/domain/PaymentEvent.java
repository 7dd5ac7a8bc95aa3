package org.banksuite.adapter.payment.domain;

import org.banksuite.money.Money;

/**
 * What happened to a {@link CorePayment}. The submission and the core's answers are published on
 * {@code partner-bank.events}; the others stay internal.
 */
public sealed interface PaymentEvent {

    String transferId();

    record PaymentOrderRegistered(String transferId, String debtorAccountId, PaymentCreditor creditor, Money amount,
                                  String text) implements PaymentEvent {
    }

    /**
     * Starts the payment saga; {@code operationId} names the submission in the operation log. Published as
     * {@code partner-bank.CorePaymentSubmitted.v1}: the payment is handed to the core.
     */
    record PaymentSubmissionStarted(String transferId, String operationId, String debtorAccountId,
                                    PaymentCreditor creditor, Money amount, String text) implements PaymentEvent {
    }

    /**
     * Starts (or redirects) the payment saga to ask the core for the payment under its key and settle it;
     * {@code operationId} names the submission's operation, or a new one for a payment never submitted.
     */
    record PaymentResolutionStarted(String transferId, String operationId, String debtorAccountId, String reason)
            implements PaymentEvent {
    }

    /** The core never received the payment; it is settled so that it never will. Published for transfers-service. */
    record CorePaymentNotSubmitted(String transferId, String operationId, String reason) implements PaymentEvent {
    }

    record CorePaymentAccepted(String transferId, String operationId, String coreReference) implements PaymentEvent {
    }

    record CorePaymentRejected(String transferId, String operationId, String reason) implements PaymentEvent {
    }
}
