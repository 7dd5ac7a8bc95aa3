package org.banksuite.events.reconciliation.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The reconciliation job found the suite and the core (or a hold, or a transfer) out of step for longer than its
 * grace period; reconciliation teams and alerting react. Published once per mismatch; a later
 * {@link ReconciliationMismatchResolved} with the same {@code mismatchId} clears it.
 *
 * @param mismatchId  stable id of this mismatch, the subject (record key) of both its events
 * @param kind        what is out of step; a string so readers tolerate kinds added later. Known values:
 *                    {@code UNBOOKED_CORE_ENTRY}, {@code POSTING_WITHOUT_CORE_ENTRY}, {@code AMOUNT_MISMATCH},
 *                    {@code BALANCE_MISMATCH}, {@code STALE_RESERVATION}, {@code STUCK_TRANSFER}
 * @param accountId   the suite account concerned (the debtor account for a stuck transfer)
 * @param reference   what the mismatch is about on that account: the posting id the core entry maps to
 *                    ({@code <transferId>/debit}, {@code core:<entryId>}), the reservation id, the transfer id, or
 *                    {@code balance}
 * @param coreAmount  nullable: what the core booked (sum of the entries concerned, or the core balance)
 * @param suiteAmount nullable: what the suite booked, holds or moves (sum of postings, booked balance, held or
 *                    transfer amount)
 * @param detectedAt  when the job raised the mismatch
 */
public record ReconciliationMismatchDetected(String mismatchId, String kind, String accountId, String reference,
                                             Amount coreAmount, Amount suiteAmount, Instant detectedAt)
        implements IntegrationEvent {

    public ReconciliationMismatchDetected {
        requireNonNull(mismatchId, "mismatchId");
        requireNonNull(kind, "kind");
        requireNonNull(accountId, "accountId");
        requireNonNull(reference, "reference");
        requireNonNull(detectedAt, "detectedAt");
    }

    @Override
    public String subject() {
        return mismatchId;
    }
}
