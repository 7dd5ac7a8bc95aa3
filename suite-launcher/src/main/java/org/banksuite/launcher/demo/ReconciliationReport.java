package org.banksuite.launcher.demo;

import java.util.List;

/**
 * What reconciliation-service says after the demo: each demo account's position, and every open mismatch it lists
 * (as {@code kind account reference}), of this run or an earlier one, of the demo's accounts or others'.
 */
public record ReconciliationReport(List<ReconciliationLine> accounts, List<String> openMismatches) {

    /**
     * Every demo account reconciled with no open mismatch naming it. Mismatches of other accounts do not count: on a
     * suite others use too, a payment booked seconds ago is rightly open until the core's entries are next synced.
     */
    public boolean clean() {
        return !accounts.isEmpty() && openMismatchesOfTheseAccounts().isEmpty()
                && accounts.stream().allMatch(line -> line.reconciled() && line.openMismatches() == 0);
    }

    /** The open mismatches that name one of the report's accounts. */
    public List<String> openMismatchesOfTheseAccounts() {
        return openMismatches.stream().filter(mismatch -> accounts.stream()
                .anyMatch(line -> mismatch.contains(line.account().accountId().toString()))).toList();
    }
}
