package org.banksuite.adapter.payment.domain;

import org.banksuite.money.Money;

/**
 * What happened to a {@link CorePayment}. The core's answers are published on {@code partner-bank.events}; the
 * others stay internal.
 */
public sealed interface PaymentEvent {

    String transferId();

    record PaymentOrderRegistered(String transferId, String debtorAccountId, PaymentCreditor creditor, Money amount,
                                  String text) implements PaymentEvent {
    }

    /** Starts the payment saga; {@code operationId} names the submission in the operation log. */
    record PaymentSubmissionStarted(String transferId, String operationId, String debtorAccountId,
                                    PaymentCreditor creditor, Money amount, String text) implements PaymentEvent {
    }

    record CorePaymentAccepted(String transferId, String operationId, String coreReference) implements PaymentEvent {
    }

    record CorePaymentRejected(String transferId, String operationId, String reason) implements PaymentEvent {
    }
}
