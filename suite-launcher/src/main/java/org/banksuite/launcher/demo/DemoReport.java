package org.banksuite.launcher.demo;

import java.util.List;

/**
 * What the demo saw: each step's outcome, the balances on both sides, the events on each topic, and what the
 * reconciliation job says.
 */
public record DemoReport(List<StepOutcome> steps, List<BalanceLine> balances, List<TopicCount> topics,
                         ReconciliationReport reconciliation) {

    public boolean everyStepAsExpected() {
        return steps.stream().allMatch(StepOutcome::asExpected);
    }

    public boolean balancesEqual() {
        return !balances.isEmpty() && balances.stream().allMatch(BalanceLine::equal);
    }

    public boolean succeeded() {
        return everyStepAsExpected() && balancesEqual() && reconciliation.clean();
    }
}
