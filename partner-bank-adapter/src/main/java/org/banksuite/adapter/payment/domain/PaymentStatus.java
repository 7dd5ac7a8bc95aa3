package org.banksuite.adapter.payment.domain;

public enum PaymentStatus {
    /** Known from the transfer's request; its funds are not reserved yet. */
    REGISTERED,
    SUBMITTING,
    ACCEPTED,
    REJECTED
}
