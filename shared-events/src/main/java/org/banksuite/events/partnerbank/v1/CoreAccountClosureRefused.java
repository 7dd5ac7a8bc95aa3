package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core refused to close the account; accounts-service reacts by refusing the closure.
 *
 * <p>{@code requestId} (optional, added to v1) is the {@code requestId} of the accounts-service request this
 * answers; accounts-service applies the answer only to that request. Absent in records published before it was
 * added and in answers to requests that carried none.
 */
public record CoreAccountClosureRefused(String accountId, String reason, Instant refusedAt, String requestId)
        implements IntegrationEvent {

    public CoreAccountClosureRefused {
        requireNonNull(accountId, "accountId");
        requireNonNull(reason, "reason");
        requireNonNull(refusedAt, "refusedAt");
    }

    /** An answer that names no request: from before answers echoed the request's id. */
    public CoreAccountClosureRefused(String accountId, String reason, Instant refusedAt) {
        this(accountId, reason, refusedAt, null);
    }

    @Override
    public String subject() {
        return accountId;
    }
}
