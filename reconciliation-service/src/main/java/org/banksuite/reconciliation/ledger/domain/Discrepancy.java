package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something out of step right now; it becomes a raised mismatch only once it has lasted the grace period.
 *
 * @param reference   what on the account: a posting key, a reservation id, a transfer id, or {@code balance}
 * @param currency    nullable when unknown
 * @param coreAmount  nullable: what the core booked
 * @param suiteAmount nullable: what the suite booked, holds or moves
 */
public record Discrepancy(MismatchKind kind, String accountId, String reference, String currency,
                          BigDecimal coreAmount, BigDecimal suiteAmount) {

    /** The reference of a balance mismatch: there is one balance per account. */
    public static final String BALANCE = "balance";

    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reference, "reference");
    }

    /** What identifies it over time: kind, account and reference. */
    public Key key() {
        return new Key(kind, accountId, reference);
    }

    /** Kind, account and reference: one unresolved mismatch per key at a time. */
    public record Key(MismatchKind kind, String accountId, String reference) {
    }
}
