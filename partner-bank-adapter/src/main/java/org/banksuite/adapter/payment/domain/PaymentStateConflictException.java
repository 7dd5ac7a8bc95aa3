package org.banksuite.adapter.payment.domain;

/** An answer that contradicts what the payment knows (accepted after it was rejected): for support to look at. */
public class PaymentStateConflictException extends RuntimeException {

    public PaymentStateConflictException(String message) {
        super(message);
    }
}
