package org.banksuite.transfers.transfer.domain;

/** Why a transfer was rejected. Part of the integration contract: do not rename. */
public enum RejectionReason {
    /** The debtor's account had too little available to reserve the amount. */
    INSUFFICIENT_FUNDS,
    /** The debtor's account is not active (pending, blocked, closing or closed). */
    ACCOUNT_NOT_ACTIVE,
    /** The debtor's account is not held in the transfer's currency. */
    CURRENCY_MISMATCH,
    /** The partner core refused the payment. */
    CORE_REJECTED,
    /** Accounts-service did not answer the reservation in time. Never used once funds are reserved. */
    TIMED_OUT
}
