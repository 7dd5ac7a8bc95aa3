package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The account is closed for good, at the core too; BFFs and reconciliation jobs treat it as final. */
public record AccountClosed(String accountId, Instant closedAt) implements IntegrationEvent {

    public AccountClosed {
        requireNonNull(accountId, "accountId");
        requireNonNull(closedAt, "closedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
