package org.banksuite.reconciliation.ledger.domain;

/** What can be out of step between the suite and the core, or in the suite's own bookkeeping. */
public enum MismatchKind {
    /** The core booked an entry the suite has not booked (or booked fewer times). */
    UNBOOKED_CORE_ENTRY,
    /** The suite booked a posting the core has no entry for (or booked it more often than the core). */
    POSTING_WITHOUT_CORE_ENTRY,
    /** Entry and posting are both there, but their amounts differ. */
    AMOUNT_MISMATCH,
    /** The booked balance differs from the sum of core entries, and no entry-level mismatch explains it. */
    BALANCE_MISMATCH,
    /** A hold that was neither captured nor released within the threshold. */
    STALE_RESERVATION,
    /** An accepted transfer neither booked nor rejected within the threshold. */
    STUCK_TRANSFER
}
