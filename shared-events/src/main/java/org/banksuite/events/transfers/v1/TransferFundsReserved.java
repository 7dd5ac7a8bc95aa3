package org.banksuite.events.transfers.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The transfer's funds are on hold on the debtor account;
 * the partner-bank adapter reacts by submitting the payment.
 */
public record TransferFundsReserved(String transferId, String debtorAccountId, Amount amount, Instant reservedAt)
        implements IntegrationEvent {

    public TransferFundsReserved {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(amount, "amount");
        requireNonNull(reservedAt, "reservedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
