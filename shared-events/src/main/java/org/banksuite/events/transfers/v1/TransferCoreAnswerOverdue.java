package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core's answer to the transfer's submitted payment is late; the partner-bank adapter reacts by asking the
 * core for the payment's status, never by submitting the payment again.
 *
 * @param timesAsked how many times the core has been asked about this payment so far, the submission included
 *                   (1 when the answer to the submission itself is overdue); at least 1
 * @param overdueAt  when the answer became overdue
 */
public record TransferCoreAnswerOverdue(String transferId, String debtorAccountId, int timesAsked, Instant overdueAt)
        implements IntegrationEvent {

    public TransferCoreAnswerOverdue {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        if (timesAsked < 1) {
            throw new IllegalArgumentException("timesAsked must be at least 1, got " + timesAsked);
        }
        requireNonNull(overdueAt, "overdueAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
