package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The transfer's funds are reserved and the core's answer stayed overdue (or support asked): the partner-bank adapter
 * reacts by asking the core for the payment and settling it for good, with {@code partner-bank.CorePaymentAccepted},
 * {@code CorePaymentRejected} or, when the core never received it, {@code CorePaymentNotSubmitted}.
 *
 * @param reason      why the resolution was asked for (the overdue count, or support's reason)
 * @param requestedBy the support user who asked, or null when the transfer's own deadline did
 */
public record TransferResolutionRequested(String transferId, String debtorAccountId, String reason, String requestedBy,
                                          Instant requestedAt) implements IntegrationEvent {

    public TransferResolutionRequested {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(reason, "reason");
        requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
