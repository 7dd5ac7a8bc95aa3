package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core refused to change the account's record type; accounts-service reacts by refusing the change.
 *
 * <p>{@code requestId} (optional, added to v1) is the {@code requestId} of the accounts-service request this
 * answers; accounts-service applies the answer only to that request. Absent in records published before it was
 * added and in answers to requests that carried none.
 */
public record CoreRecordTypeChangeRefused(String accountId, String requestedRecordType, String reason,
                                          Instant refusedAt, String requestId) implements IntegrationEvent {

    public CoreRecordTypeChangeRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(requestedRecordType, "requestedRecordType");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    /** An answer that names no request: from before answers echoed the request's id. */
    public CoreRecordTypeChangeRefused(String accountId, String requestedRecordType, String reason, Instant refusedAt) {
        this(accountId, requestedRecordType, reason, refusedAt, null);
    }

    @Override
    public String subject() {
        return accountId;
    }
}
