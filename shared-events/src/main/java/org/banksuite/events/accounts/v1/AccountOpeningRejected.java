package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core refused to open the account, so it will never become active; BFFs show the rejection. */
public record AccountOpeningRejected(String accountId, String reason, Instant rejectedAt) implements IntegrationEvent {

    public AccountOpeningRejected {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
