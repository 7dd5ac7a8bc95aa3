package org.banksuite.reconciliation.ledger.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A discrepancy the job is tracking: noticed at {@code noticedAt}, raised at {@code detectedAt} (null while it is
 * still within the grace period), not yet resolved.
 */
public record TrackedMismatch(UUID mismatchId, Discrepancy.Key key, Instant noticedAt, Instant detectedAt) {

    public boolean raised() {
        return detectedAt != null;
    }
}
