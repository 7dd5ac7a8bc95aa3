package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core changed the account's record type; accounts-service reacts by completing the change. */
public record CoreRecordTypeChanged(String accountId, String recordType, Instant changedAt)
        implements IntegrationEvent {

    public CoreRecordTypeChanged {
        requireNonNull(accountId, "accountId");
        requireNonNull(recordType, "recordType");
        requireNonNull(changedAt, "changedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
