package org.banksuite.adapter.core;

import java.time.Instant;
import org.banksuite.money.Money;

/**
 * A posting entry booked at the core. {@code amount} is signed (negative for a debit); {@code paymentKey} is the
 * Idempotency-Key of the payment that booked it (one of the suite's transfer ids), null for anything else.
 */
public record CoreEntry(String entryId, Money amount, String text, String paymentKey, Instant bookedAt) {
}
