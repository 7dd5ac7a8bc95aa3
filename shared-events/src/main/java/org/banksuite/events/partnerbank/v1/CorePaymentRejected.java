package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core rejected a transfer's payment;
 * transfers-service reacts by rejecting the transfer and releasing its hold.
 */
public record CorePaymentRejected(String transferId, String reason, Instant rejectedAt) implements IntegrationEvent {

    public CorePaymentRejected {
        requireNonNull(transferId, "transferId");
        requireNonNull(reason, "reason");
        requireNonNull(rejectedAt, "rejectedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
