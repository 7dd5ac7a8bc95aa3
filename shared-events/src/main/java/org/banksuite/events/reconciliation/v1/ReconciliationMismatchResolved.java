package org.banksuite.events.reconciliation.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * A mismatch the reconciliation job raised is no longer there (the entry was booked, the hold settled, the transfer
 * finished); reconciliation teams and alerting react by closing it.
 *
 * @param mismatchId the id of the {@link ReconciliationMismatchDetected} this clears
 * @param kind       the mismatch's kind, as detected
 * @param accountId  the mismatch's account, as detected
 * @param reference  the mismatch's reference, as detected
 * @param detectedAt when it was raised
 * @param resolvedAt when the job saw it resolved
 */
public record ReconciliationMismatchResolved(String mismatchId, String kind, String accountId, String reference,
                                             Instant detectedAt, Instant resolvedAt) implements IntegrationEvent {

    public ReconciliationMismatchResolved {
        requireNonNull(mismatchId, "mismatchId");
        requireNonNull(kind, "kind");
        requireNonNull(accountId, "accountId");
        requireNonNull(reference, "reference");
        requireNonNull(detectedAt, "detectedAt");
        requireNonNull(resolvedAt, "resolvedAt");
    }

    @Override
    public String subject() {
        return mismatchId;
    }
}
