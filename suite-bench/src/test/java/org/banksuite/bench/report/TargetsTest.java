package org.banksuite.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.banksuite.bench.report.Targets.Check;
import org.banksuite.bench.report.Targets.Verdict;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void aRunMeetingEveryTargetSaysMetForEach() {
        BenchReport report = Reports.report(List.of(Reports.rate(100, 99.8, 30, 200, 800, 0, 7),
                Reports.rate(300, 280, 45, 600, 1800, 0, 6)), 250);

        assertThat(Targets.check(report)).extracting(Check::verdict).containsOnly(Verdict.MET);
    }

    @Test
    void aRunAsSlowAsTheIssueFoundSaysMissedWithTheMeasuredFigures() {
        BenchReport report = Reports.report(List.of(Reports.rate(5, 4.7, 158, 3100, 4500, 0, 110),
                Reports.rate(100, 13, 145, 19_000, 25_900, 40, 110)), 3000);

        List<Check> checks = Targets.check(report);
        assertThat(checks).extracting(Check::verdict).doesNotContain(Verdict.NOT_MEASURED);
        assertThat(checks.stream().filter(check -> check.verdict() == Verdict.MISSED).count()).isEqualTo(7);
        assertThat(checks.getFirst().measured()).isEqualTo("3000.0 ms");
        assertThat(checks.get(5).measured()).isEqualTo("no rate kept p99 <= 2 s");
    }

    @Test
    void theTargetsAt100PerSecondAreNotMeasuredWhenThatRateWasNotRun() {
        BenchReport report = Reports.report(List.of(Reports.rate(5, 5, 10, 100, 200, 0, 9)), 100);

        assertThat(Targets.check(report)).filteredOn(check -> check.target().startsWith("100/s"))
                .extracting(Check::verdict).containsOnly(Verdict.NOT_MEASURED);
    }

    /** What the first runs after the waking processors showed: at 100/s nothing completed, which is no 0 ms. */
    @Test
    void aRateAtWhichNothingCompletedMissesItsLatencyAndCpuTargets() {
        BenchReport report = Reports.report(List.of(Reports.rate(100, 0, 12_591, 0, 0, 1000, 0)), 300);

        assertThat(Targets.check(report)).filteredOn(check -> check.target().startsWith("100/s: booked")
                        || check.target().startsWith("CPU"))
                .hasSize(3).allSatisfy(check -> {
                    assertThat(check.verdict()).isEqualTo(Verdict.MISSED);
                    assertThat(check.measured()).isEqualTo("nothing completed");
                });
    }

    @Test
    void theTableShowsTheTargetsAndTheReferencesAsRatios() {
        BenchReport report = Reports.report(List.of(Reports.rate(100, 100, 30, 200, 800, 0, 8)), 250)
                .withReferences(List.of(new Reference("naive-baseline", 400, 2, 10, 40)));

        String table = Table.render(report);

        assertThat(table).contains("100/s", "Targets (issue 14)", "naive-baseline", "suite throughput 0.250 x",
                "suite CPU/transfer 4.0 x");
    }
}
