package org.banksuite.adapter.payment.domain;

public enum PaymentStatus {
    /** Known from the transfer's request; its funds are not reserved yet. */
    REGISTERED,
    SUBMITTING,
    /** The core is being asked for the payment, to settle it for good; it is not submitted from here on. */
    RESOLVING,
    ACCEPTED,
    REJECTED,
    /** The core never received it, and it will never be submitted: final, whatever submission arrives later. */
    NOT_SUBMITTED
}
