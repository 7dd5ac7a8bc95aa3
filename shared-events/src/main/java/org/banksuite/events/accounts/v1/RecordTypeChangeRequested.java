package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The customer asked to change the account's record type;
 * the partner-bank adapter reacts by changing it at the core.
 */
public record RecordTypeChangeRequested(String accountId, String currentRecordType, String requestedRecordType,
                                        Instant requestedAt) implements IntegrationEvent {

    public RecordTypeChangeRequested {
        requireNonNull(accountId, "accountId");
        requireNonNull(currentRecordType, "currentRecordType");
        requireNonNull(requestedRecordType, "requestedRecordType");
        requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
