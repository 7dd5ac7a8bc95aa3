package org.banksuite.transfers.transfer.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One transfer as the query side holds it. The creditor is either {@code creditorAccountId} (an account of the
 * suite) or {@code creditorRegistrationNumber} and {@code creditorAccountNumber}; {@code executionDate} is null for a
 * transfer asked for as soon as possible. {@code version} is the sequence number of the last event applied.
 */
public record TransferView(String transferId, String status, String debtorAccountId, String creditorAccountId,
                           String creditorRegistrationNumber, String creditorAccountNumber, BigDecimal amount,
                           String currency, String debtorText, String creditorText, LocalDate executionDate,
                           String rejectionReason, String rejectionDetail, String coreReference, Instant requestedAt,
                           long version) {
}
