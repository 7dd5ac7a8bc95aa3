package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** A requested record-type change was refused and the old record type stays; BFFs show the refusal. */
public record RecordTypeChangeRefused(String accountId, String requestedRecordType, String reason, Instant refusedAt)
        implements IntegrationEvent {

    public RecordTypeChangeRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(requestedRecordType, "requestedRecordType");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
