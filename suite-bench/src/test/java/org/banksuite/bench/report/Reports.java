package org.banksuite.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.banksuite.bench.load.LatencySummary;
import org.banksuite.bench.load.RecordedRun;
import org.banksuite.bench.load.SequentialRun;

/** Reports with known figures for the tests. */
final class Reports {

    private Reports() {
    }

    static RateResult rate(double offered, double completedPerSecond, double acceptP99, double bookedP50,
                           double bookedP99, long errors, double cpuPerTransfer) {
        RecordedRun run = new RecordedRun(1000, 1000 - errors, errors, 0, 1000 - errors, 0, 0, completedPerSecond,
                new LatencySummary(1000, acceptP99 / 2, acceptP99 / 1.5, acceptP99, acceptP99 * 2),
                new LatencySummary(1000 - errors, bookedP50, bookedP50 * 1.5, bookedP99, bookedP99 * 1.2),
                new LatencySummary(1000 - errors, bookedP50 - 5, bookedP50, bookedP99 - 5, bookedP99));
        return RateResult.of(offered, "CONSTANT", run, cpuPerTransfer * 1000, 1000, 2_500_000_000L, 1_500_000_000L,
                Map.of("accounts-service", 400.0, "postgres", 300.0));
    }

    static BenchReport report(List<RateResult> rates, double idleP50) {
        SequentialRun.Result idle = new SequentialRun.Result(50, 50, new LatencySummary(50, 8, 9, 10, 12),
                new LatencySummary(50, idleP50, idleP50, idleP50, idleP50),
                new LatencySummary(50, idleP50 + 8, idleP50 + 9, idleP50 + 10, idleP50 + 12));
        return new BenchReport("2026-11-30T18:00:00Z", Map.of("cores", "2"), Map.of("accounts", "1000"),
                List.of("a note"), Optional.of(idle), 2_000_000_000L, 1_200_000_000L, Map.of("kafka", 600_000_000L), 150.0, rates,
                Map.of("kafka", 700_000_000L), List.of());
    }
}
