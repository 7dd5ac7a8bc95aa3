package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The account was blocked: no debits until unblocked; transfers-service stops accepting transfers from it. */
public record AccountBlocked(String accountId, String reason, Instant blockedAt) implements IntegrationEvent {

    public AccountBlocked {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(blockedAt, "blockedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
