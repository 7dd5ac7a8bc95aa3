package org.banksuite.transfers.transfer.domain;

/** Where a transfer is on its way from the debtor's account to the creditor. Part of the API contract: do not rename. */
public enum TransferStatus {
    /** Accepted with a future execution date; nothing is reserved until that day begins. */
    SCHEDULED,
    /** Due now: waiting for accounts-service to reserve the amount on the debtor's account. */
    REQUESTED,
    /** The amount is held on the debtor's account; the payment is on its way to the partner core. */
    FUNDS_RESERVED,
    /** The partner core has the payment and has not answered yet. */
    SUBMITTED,
    /** The core booked the payment: the money has moved. Final. */
    BOOKED,
    /** The transfer will not happen; see its {@link RejectionReason}. Any hold is released. Final. */
    REJECTED
}
