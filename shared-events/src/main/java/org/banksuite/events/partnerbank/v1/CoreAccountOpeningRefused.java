package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core refused to open the account; accounts-service reacts by rejecting the account opening. */
public record CoreAccountOpeningRefused(String accountId, String reason, Instant refusedAt)
        implements IntegrationEvent {

    public CoreAccountOpeningRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
