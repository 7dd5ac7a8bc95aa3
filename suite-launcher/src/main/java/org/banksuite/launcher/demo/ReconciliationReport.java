package org.banksuite.launcher.demo;

import java.util.List;

/**
 * What reconciliation-service says after the demo: each demo account's position, and every open mismatch it lists
 * (as {@code kind account reference}), of this run or an earlier one.
 */
public record ReconciliationReport(List<ReconciliationLine> accounts, List<String> openMismatches) {

    /** Every demo account reconciled with no open mismatch, and none open anywhere. */
    public boolean clean() {
        return !accounts.isEmpty() && openMismatches.isEmpty()
                && accounts.stream().allMatch(line -> line.reconciled() && line.openMismatches() == 0);
    }
}
