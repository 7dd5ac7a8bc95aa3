package org.banksuite.launcher.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** Tells the person at the terminal what happens, in sentences, then the tables. */
public final class Narrator {

    private final PrintStream out;

    public Narrator(PrintStream out) {
        this.out = out;
    }

    public void line(String text) {
        out.println(text);
    }

    void begin(int number, String title) {
        out.println();
        out.println(number + ". " + title);
    }

    public void say(String sentence) {
        out.println("   " + sentence);
    }

    void end(StepOutcome outcome) {
        switch (outcome.result()) {
            case AS_EXPECTED -> out.println("   -> as expected, in " + seconds(outcome.took()));
            case NOT_AS_EXPECTED -> out.println("   -> NOT AS EXPECTED after " + seconds(outcome.took()) + ": "
                    + outcome.detail());
            case NOT_PLAYED -> out.println("   -> not played: " + outcome.detail());
        }
    }

    void balances(List<BalanceLine> lines) {
        out.println();
        out.println("Balances, the suite's booked balance beside the partner core's:");
        out.println(String.format("   %-8s %-6s %-14s %14s %14s", "holder", "ccy", "core account", "suite", "core"));
        for (BalanceLine line : lines) {
            DemoAccount account = line.account();
            out.println(String.format("   %-8s %-6s %-14s %14s %14s  %s", account.holder(), account.currency(),
                    account.coreNumber(), amount(line.suite()), amount(line.core()),
                    line.equal() ? "equal" : "DIFFERENT"));
        }
    }

    void topics(List<TopicCount> counts) {
        out.println();
        out.println("Events on Kafka (distinct ce_id; the topics keep every earlier run's too):");
        out.println(String.format("   %-24s %10s %14s", "topic", "all", "this demo's"));
        for (TopicCount count : counts) {
            out.println(String.format("   %-24s %10d %14d%s", count.topic(), count.events(), count.aboutThisRun(),
                    count.records() == count.events() ? ""
                            : "   (" + count.records() + " records: some delivered more than once)"));
        }
    }

    void reconciliation(ReconciliationReport report) {
        out.println();
        out.println("Reconciliation (reconciliation-service, from the event streams only):");
        for (ReconciliationLine line : report.accounts()) {
            out.println(String.format("   %-8s %-14s %-12s %s", line.account().holder(), line.account().coreNumber(),
                    line.reconciled() ? "reconciled" : "NOT RECONCILED", line.detail()));
        }
        out.println("   open mismatches of these accounts: " + report.openMismatchesOfTheseAccounts().size());
        report.openMismatchesOfTheseAccounts().forEach(mismatch -> out.println("     " + mismatch));
        int elsewhere = report.openMismatches().size() - report.openMismatchesOfTheseAccounts().size();
        if (elsewhere > 0) {
            out.println("   open mismatches of other accounts (earlier runs, others' payments not yet synced): "
                    + elsewhere);
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String amount(java.math.BigDecimal amount) {
        return amount == null ? "unreadable" : Amounts.text(amount);
    }
}
