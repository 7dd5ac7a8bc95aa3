package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The customer asked to close the account; the partner-bank adapter reacts by closing the core account.
 *
 * <p>{@code requestId} (optional, added to v1) names this request among the account's requests: the account's
 * event sequence number of the request, in decimal, so a later request of the same account has a larger id. The
 * adapter echoes it in its answer; absent only in records published before it was added.
 */
public record AccountClosureRequested(String accountId, Instant requestedAt, String requestId) implements IntegrationEvent {

    public AccountClosureRequested {
        requireNonNull(accountId, "accountId");
        requireNonNull(requestedAt, "requestedAt");
    }

    /** A request from before requests carried an id (see {@link #requestId()}). */
    public AccountClosureRequested(String accountId, Instant requestedAt) {
        this(accountId, requestedAt, null);
    }

    @Override
    public String subject() {
        return accountId;
    }
}
