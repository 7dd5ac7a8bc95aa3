package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core refused to close the account, so it stays open; BFFs show the refusal. */
public record AccountClosureRefused(String accountId, String reason, Instant refusedAt) implements IntegrationEvent {

    public AccountClosureRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
