package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core closed the account; accounts-service reacts by closing it. */
public record CoreAccountClosed(String accountId, Instant closedAt) implements IntegrationEvent {

    public CoreAccountClosed {
        requireNonNull(accountId, "accountId");
        requireNonNull(closedAt, "closedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
