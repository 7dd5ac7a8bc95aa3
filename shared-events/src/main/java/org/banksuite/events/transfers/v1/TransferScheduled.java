package org.banksuite.events.transfers.v1;

import java.time.Instant;
import java.time.LocalDate;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * A customer asked for a transfer with a future execution date; nothing is reserved yet, and on that date
 * transfers-service requests the transfer so that accounts-service reserves the funds.
 *
 * @param debtorText    the text on the debtor's statement
 * @param creditorText  the text on the creditor's statement
 * @param executionDate the future date to execute on
 * @param scheduledAt   when the transfer was accepted and scheduled
 */
public record TransferScheduled(String transferId, String debtorAccountId, Creditor creditor, Amount amount,
                                String debtorText, String creditorText, LocalDate executionDate,
                                Instant scheduledAt) implements IntegrationEvent {

    public TransferScheduled {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(creditor, "creditor");
        requireNonNull(amount, "amount");
        requireNonNull(debtorText, "debtorText");
        requireNonNull(creditorText, "creditorText");
        requireNonNull(executionDate, "executionDate");
        requireNonNull(scheduledAt, "scheduledAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
