package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core changed the account's record type; accounts-service reacts by completing the change.
 *
 * <p>{@code requestId} (optional, added to v1) is the {@code requestId} of the accounts-service request this
 * answers; accounts-service applies the answer only to that request. Absent in records published before it was
 * added and in answers to requests that carried none.
 */
public record CoreRecordTypeChanged(String accountId, String recordType, Instant changedAt, String requestId)
        implements IntegrationEvent {

    public CoreRecordTypeChanged {
        requireNonNull(accountId, "accountId");
        requireNonNull(recordType, "recordType");
        requireNonNull(changedAt, "changedAt");
    }

    /** An answer that names no request: from before answers echoed the request's id. */
    public CoreRecordTypeChanged(String accountId, String recordType, Instant changedAt) {
        this(accountId, recordType, changedAt, null);
    }

    @Override
    public String subject() {
        return accountId;
    }
}
