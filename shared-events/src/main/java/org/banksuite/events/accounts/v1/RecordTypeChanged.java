package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The account's record type changed, at the core too; BFFs and reconciliation jobs react. */
public record RecordTypeChanged(String accountId, String recordType, Instant changedAt) implements IntegrationEvent {

    public RecordTypeChanged {
        requireNonNull(accountId, "accountId");
        requireNonNull(recordType, "recordType");
        requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
