package org.banksuite.accounts.account.domain;

/** Where an account is in its life; pending record-type changes and closures are tracked beside it. */
public enum AccountStatus {
    /** Opened in the suite, waiting for the partner core to confirm it. */
    PENDING_ACTIVATION,
    /** Confirmed by the core: it has a registration and account number and can hold and move money. */
    ACTIVE,
    /** Takes no new reservations; the core's postings are still booked. */
    BLOCKED,
    /** The core confirmed the closure. Final. */
    CLOSED,
    /** The core refused to open it. Final. */
    REJECTED
}
