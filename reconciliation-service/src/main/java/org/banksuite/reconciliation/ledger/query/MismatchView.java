package org.banksuite.reconciliation.ledger.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An open mismatch as the API lists it; {@code currency} and the amounts are nullable. */
public record MismatchView(long position, UUID mismatchId, String kind, String accountId, String reference,
                           String currency, BigDecimal coreAmount, BigDecimal suiteAmount, Instant detectedAt) {
}
