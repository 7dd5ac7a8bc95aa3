package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core booked the transfer; accounts-service reacts by capturing the hold as a posting (and crediting the
 * creditor when it is an account of the suite).
 *
 * @param creditorAccountId nullable: set only when the creditor is an account of the suite
 */
public record TransferBooked(String transferId, String debtorAccountId, String creditorAccountId, Amount amount,
                             String debtorText, String creditorText, Instant bookedAt) implements IntegrationEvent {

    public TransferBooked {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(amount, "amount");
        requireNonNull(debtorText, "debtorText");
        requireNonNull(creditorText, "creditorText");
        requireNonNull(bookedAt, "bookedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
