package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core refused to close the account; accounts-service reacts by refusing the closure. */
public record CoreAccountClosureRefused(String accountId, String reason, Instant refusedAt)
        implements IntegrationEvent {

    public CoreAccountClosureRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
