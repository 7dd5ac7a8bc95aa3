package org.banksuite.events.transfers.v1;

import java.time.Instant;
import java.time.LocalDate;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * A customer asked to transfer money from one of their accounts; accounts-service reacts by reserving the funds.
 *
 * @param debtorText    the text on the debtor's statement
 * @param creditorText  the text on the creditor's statement
 * @param executionDate nullable: the date to execute on; null means as soon as possible
 */
public record TransferRequested(String transferId, String debtorAccountId, Creditor creditor, Amount amount,
                                String debtorText, String creditorText, LocalDate executionDate,
                                Instant requestedAt) implements IntegrationEvent {

    public TransferRequested {
        requireNonNull(transferId, "transferId");
        requireNonNull(debtorAccountId, "debtorAccountId");
        requireNonNull(creditor, "creditor");
        requireNonNull(amount, "amount");
        requireNonNull(debtorText, "debtorText");
        requireNonNull(creditorText, "creditorText");
        requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public String subject() {
        return transferId;
    }
}
