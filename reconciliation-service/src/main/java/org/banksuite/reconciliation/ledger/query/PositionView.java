package org.banksuite.reconciliation.ledger.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the job has seen of one account, and where it last found it fully in step.
 *
 * @param currency           nullable until an event told it
 * @param reconciledAt       nullable: never reconciled yet
 * @param reconciledBalance  nullable with {@code reconciledAt}
 * @param reconciledPostings nullable with {@code reconciledAt}
 */
public record PositionView(String accountId, String currency, BigDecimal suiteBalance, BigDecimal coreBalance,
                           long postings, long coreEntries, int openMismatches, Instant reconciledAt,
                           BigDecimal reconciledBalance, Long reconciledPostings) {
}
