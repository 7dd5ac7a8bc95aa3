package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The customer asked to close the account; the partner-bank adapter reacts by closing the core account. */
public record AccountClosureRequested(String accountId, Instant requestedAt) implements IntegrationEvent {

    public AccountClosureRequested {
        requireNonNull(accountId, "accountId");
        requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
