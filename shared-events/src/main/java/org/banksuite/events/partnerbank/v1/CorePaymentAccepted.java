package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** The core accepted (booked) a transfer's payment; transfers-service reacts by booking the transfer. */
public record CorePaymentAccepted(String transferId, String coreReference, Instant acceptedAt)
        implements IntegrationEvent {

    public CorePaymentAccepted {
        requireNonNull(transferId, "transferId");
        requireNonNull(coreReference, "coreReference");
        requireNonNull(acceptedAt, "acceptedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
