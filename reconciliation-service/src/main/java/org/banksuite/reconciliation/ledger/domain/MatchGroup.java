package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The core entries and suite postings of one account under one {@link PostingKeys posting key}: balanced when the
 * suite booked each entry exactly once with the core's amount.
 */
public record MatchGroup(String accountId, String key, String currency, int coreCount, BigDecimal coreSum,
                         int suiteCount, BigDecimal suiteSum) {

    /** What is wrong with the group, or empty if it is balanced. */
    public Optional<MismatchKind> discrepancy() {
        if (coreCount > suiteCount) {
            return Optional.of(MismatchKind.UNBOOKED_CORE_ENTRY);
        }
        if (suiteCount > coreCount) {
            return Optional.of(MismatchKind.POSTING_WITHOUT_CORE_ENTRY);
        }
        if (coreSum.compareTo(suiteSum) != 0) {
            return Optional.of(MismatchKind.AMOUNT_MISMATCH);
        }
        return Optional.empty();
    }

    /** The group's discrepancy as a {@link Discrepancy}, or empty if it is balanced. */
    public Optional<Discrepancy> asDiscrepancy() {
        return discrepancy().map(kind -> new Discrepancy(kind, accountId, key, currency, coreSum, suiteSum));
    }
}
