package org.banksuite.launcher.demo;

/**
 * One account as reconciliation-service last saw it.
 *
 * @param reconciled     the job found the account fully in step with the core, every posting it saw included
 * @param openMismatches the account's open mismatches
 * @param detail         the job's figures, or why they could not be read
 */
public record ReconciliationLine(DemoAccount account, boolean reconciled, int openMismatches, String detail) {
}
