package org.banksuite.baseline.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The record the baseline publishes once a transfer is committed: its JSON (the amount a decimal string) is the value on the baseline's topic, the
 * transfer id its key. Not a suite integration event (no CloudEvents envelope, no schema): a reference only.
 */
public record TransferBooked(UUID transferId, String debtor, String creditor,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, Instant bookedAt) {
}
