package org.banksuite.accounts.account.query;

import java.math.BigDecimal;
import java.time.Instant;

/** One booked posting; {@code eventSequence} orders an account's postings and anchors the cursor. */
public record PostingView(String postingId, long eventSequence, BigDecimal amount, String text,
                          String reservationId, BigDecimal bookedBalance, Instant bookedAt) {
}
