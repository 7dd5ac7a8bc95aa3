package org.banksuite.bench.chaos;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chaos run's figures, printed and written as {@code chaos.json}.
 *
 * @param seed             the seed that repeats the schedule
 * @param replicas         service replicas per service
 * @param loadSeconds      how long the load ran
 * @param healSeconds      from the end of the last fault to a healed suite (every process ready, every transfer ended,
 *                         every balance the core's); -1 when it did not heal within the patience
 * @param operations       each operation's outcomes
 * @param faultsInjected   how many faults of each kind
 * @param restarts         how often the launcher restarted each process
 * @param checks           the invariants, each with its figure
 * @param faultLog         what was done when (UTC)
 */
public record ChaosReport(long seed, int replicas, ChaosOptions options, double loadSeconds, double healSeconds,
                          Map<Operation, RunBook.Outcomes> operations, Map<Fault.Kind, Integer> faultsInjected,
                          Map<String, Integer> restarts, List<Check> checks, List<String> faultLog) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public boolean everyInvariantHeld() {
        return checks.stream().allMatch(Check::holds);
    }

    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** The summary a person reads. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Chaos run, seed %d, %d replica(s) per service: load %.0f s, healed %s after the"
                + " last fault%n", seed, replicas, loadSeconds, healSeconds < 0 ? "NOT" : String.format("%.0f s", healSeconds)));
        text.append("Operations (attempted / done / refused / gave up / skipped for want of an account / slowest):\n");
        operations.forEach((operation, outcomes) -> text.append(String.format("  %-24s %6d %6d %6d %6d %6d %6.1f s%s%n",
                operation, outcomes.attempted(), outcomes.done(),
                outcomes.refused().values().stream().mapToInt(Integer::intValue).sum(), outcomes.gaveUp(),
                outcomes.skipped(), outcomes.slowestSeconds(),
                outcomes.refused().isEmpty() ? "" : "  " + outcomes.refused())));
        text.append("Faults injected: ").append(faultsInjected).append('\n');
        text.append("Restarts by the launcher: ").append(restarts).append('\n');
        text.append("Invariants:\n");
        for (Check check : checks) {
            text.append(String.format("  [%s] %s: %s%n", check.holds() ? " OK " : "FAIL", check.name(), check.figure()));
            check.examples().forEach(example -> text.append("         ").append(example).append('\n'));
        }
        text.append(everyInvariantHeld() ? "Every invariant held.\n" : "AN INVARIANT WAS VIOLATED.\n");
        return text.toString();
    }
}
