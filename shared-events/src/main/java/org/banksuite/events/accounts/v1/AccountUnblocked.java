package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The account was unblocked and may be debited again; transfers-service accepts transfers from it again. */
public record AccountUnblocked(String accountId, Instant unblockedAt) implements IntegrationEvent {

    public AccountUnblocked {
        requireNonNull(accountId, "accountId");
        requireNonNull(unblockedAt, "unblockedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
