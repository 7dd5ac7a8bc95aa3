package org.banksuite.adapter.payment.domain;

/** The core's answer to a payment was asked for, but its funds were never reported reserved, so it was never sent. */
public class PaymentNotSubmittedException extends RuntimeException {

    public PaymentNotSubmittedException(String transferId) {
        super("payment " + transferId + " was never submitted: its funds were not reported reserved");
    }
}
