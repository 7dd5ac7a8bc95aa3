package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The transfer failed and will not be booked; accounts-service reacts by releasing any hold, BFFs show the reason. */
public record TransferRejected(String transferId, String debtorAccountId, String reason, Instant rejectedAt)
        implements IntegrationEvent {

    public TransferRejected {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(reason, "reason");
        requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
