package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core refused to change the account's record type; accounts-service reacts by refusing the change. */
public record CoreRecordTypeChangeRefused(String accountId, String requestedRecordType, String reason,
                                          Instant refusedAt) implements IntegrationEvent {

    public CoreRecordTypeChangeRefused {
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
