package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core never received the transfer's payment, and the adapter has settled it so that it never will: a later or
 * replayed submission is refused. transfers-service reacts by rejecting the transfer and releasing its hold.
 */
public record CorePaymentNotSubmitted(String transferId, String reason, Instant settledAt) implements IntegrationEvent {

    public CorePaymentNotSubmitted {
        requireNonNull(transferId, "transferId");
        requireNonNull(reason, "reason");
        requireNonNull(settledAt, "settledAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
