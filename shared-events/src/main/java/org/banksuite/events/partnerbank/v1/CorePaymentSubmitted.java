package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The adapter handed the transfer's payment to the core and is waiting for its answer; published once, before any
 * answer ({@link CorePaymentAccepted}, {@link CorePaymentRejected} or, should the submission never have arrived,
 * {@link CorePaymentNotSubmitted}) of the same transfer. transfers-service reacts by marking the transfer submitted.
 */
public record CorePaymentSubmitted(String transferId, Instant submittedAt) implements IntegrationEvent {

    public CorePaymentSubmitted {
        requireNonNull(transferId, "transferId");
        requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
