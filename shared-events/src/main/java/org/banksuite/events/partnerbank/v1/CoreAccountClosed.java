package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core closed the account; accounts-service reacts by closing it.
 *
 * <p>{@code requestId} (optional, added to v1) is the {@code requestId} of the accounts-service request this
 * answers; accounts-service applies the answer only to that request. Absent in records published before it was
 * added and in answers to requests that carried none.
 */
public record CoreAccountClosed(String accountId, Instant closedAt, String requestId) implements IntegrationEvent {

    public CoreAccountClosed {
        requireNonNull(accountId, "accountId");
        requireNonNull(closedAt, "closedAt");
    }

    /** An answer that names no request: from before answers echoed the request's id. */
    public CoreAccountClosed(String accountId, Instant closedAt) {
        this(accountId, closedAt, null);
    }

    @Override
    public String subject() {
        return accountId;
    }
}
