package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The payment of a transfer was handed to the partner core; its answer (accepted or rejected) is awaited.
 * Reconciliation reads it as "money may move at the core from here on".
 */
public record TransferSubmitted(String transferId, String debtorAccountId, Instant submittedAt)
        implements IntegrationEvent {

    public TransferSubmitted {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
