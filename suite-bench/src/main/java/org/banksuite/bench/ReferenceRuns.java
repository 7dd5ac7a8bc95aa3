package org.banksuite.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.banksuite.bench.load.ArrivalSchedule;
import org.banksuite.bench.load.LatencyRecorder;
import org.banksuite.bench.load.OpenLoopDriver;
import org.banksuite.bench.load.RecordedRun;
import org.banksuite.bench.reference.BaselineTarget;
import org.banksuite.bench.reference.CeilingResult;
import org.banksuite.bench.reference.NaiveBaseline;
import org.banksuite.bench.reference.NaiveBaselineSettings;
import org.banksuite.bench.reference.PostgresCeiling;
import org.banksuite.bench.report.Reference;
import org.banksuite.bench.stack.ProcFs;
import org.banksuite.bench.stack.ProcessSample;
import org.banksuite.bench.stack.StackProcesses;
import org.banksuite.bench.stack.StackSample;

/**
 * The two references of issue 14, measured beside the suite on the same machine and servers: the naive baseline
 * service driven by the same open-loop generator at the same rates (its throughput: the most completed/s at a rate
 * whose p99 stayed within 2 s; its CPU: the baseline JVM, PostgreSQL and Kafka, not the idle suite's services), and
 * the PostgreSQL ceiling for the suite's per-transfer commits (its CPU: PostgreSQL's only).
 */
final class ReferenceRuns {

    private static final double P99_LIMIT_MS = 2000;
    private static final int CEILING_CONNECTIONS = 8;

    private ReferenceRuns() {
    }

    /**
     * @param stack the suite's processes (PostgreSQL and Kafka are read from it for the baseline's CPU)
     * @return the references measured; one that failed is left out and said why through {@code say}
     */
    static List<Reference> measure(Path home, int postgresPort, int kafkaPort, BenchOptions options,
                                   StackProcesses stack, Path postgresData, Consumer<String> say) {
        List<Reference> references = new ArrayList<>();
        NaiveBaselineSettings settings;
        try {
            settings = NaiveBaselineSettings.forLocalStack(home, postgresPort, kafkaPort, options.accounts(),
                    new BigDecimal("1000000.00"));
        } catch (RuntimeException e) {
            say.accept("References skipped: " + e.getMessage());
            return references;
        }
        String ceilingDatabase = settings.postgresUrl();
        try (NaiveBaseline baseline = NaiveBaseline.start(settings);
             BaselineTarget target = new BaselineTarget(baseline.baseUri())) {
            say.accept("Naive baseline up at " + baseline.baseUri() + " (pid " + baseline.pid() + ").");
            ceilingDatabase = settings.postgresUrl().replaceAll("/postgres$", "/baseline");
            references.add(baseline(baseline, target, options, stack, postgresData, say));
        } catch (RuntimeException e) {
            say.accept("The naive baseline could not be measured: " + e.getMessage());
        }
        try {
            say.accept("PostgreSQL ceiling for " + options.duration().toSeconds() + " s over " + CEILING_CONNECTIONS
                    + " connections...");
            CeilingResult ceiling = PostgresCeiling.measure(ceilingDatabase, settings.postgresUser(),
                    settings.postgresPassword(), options.duration(), CEILING_CONNECTIONS);
            say.accept("  " + ceiling);
            references.add(new Reference("postgres-ceiling", ceiling.transfersPerSecond(),
                    Double.isNaN(ceiling.cpuMillisPerTransfer()) ? 0 : ceiling.cpuMillisPerTransfer(),
                    0, 0)); // the ceiling reports no latencies: 0 = not measured
        } catch (RuntimeException e) {
            say.accept("The PostgreSQL ceiling could not be measured: " + e.getMessage());
        }
        return references;
    }

    private static Reference baseline(NaiveBaseline baseline, BaselineTarget target, BenchOptions options,
                                      StackProcesses stack, Path postgresData, Consumer<String> say) {
        StackProcesses processes = new StackProcesses(ProcFs.system(), List.of(baseline.pid()), Optional.of(postgresData));
        List<String> accounts = baseline.accounts();
        Random random = new Random(options.seed());
        RecordedRun best = null;
        double bestCpuPerTransfer = 0;
        for (int i = 0; i < options.rates().size(); i++) {
            double rate = options.rates().get(i);
            ArrivalSchedule schedule = ArrivalSchedule.of(options.arrivals(), rate, options.duration(), options.seed() + i);
            StackSample before = sample(processes, stack);
            LatencyRecorder recorder = new OpenLoopDriver(target, Bench.randomPairs(accounts, random))
                    .run(schedule, options.duration(), options.warmup(), options.drain());
            StackSample after = sample(processes, stack);
            RecordedRun run = recorder.snapshot();
            double cpuPerTransfer = recorder.completedTotal() == 0 ? 0
                    : after.cpuMillisSince(before) / recorder.completedTotal();
            say.accept(String.format("  baseline at %s/s: completed %.1f/s, p50 %.1f ms, p99 %.1f ms, %d errors,"
                            + " %.2f ms CPU/transfer", rate, run.completedPerSecond(), run.bookedLatency().p50Ms(),
                    run.bookedLatency().p99Ms(), run.errors(), cpuPerTransfer));
            if (run.bookedLatency().count() > 0 && run.bookedLatency().p99Ms() <= P99_LIMIT_MS
                    && (best == null || run.completedPerSecond() > best.completedPerSecond())) {
                best = run;
                bestCpuPerTransfer = cpuPerTransfer;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no rate kept the baseline's p99 within 2 s");
        }
        return new Reference("naive-baseline", best.completedPerSecond(), bestCpuPerTransfer,
                best.bookedLatency().p50Ms(), best.bookedLatency().p99Ms());
    }

    /** The baseline JVM and PostgreSQL (from {@code processes}) with Kafka (from the suite's stack). */
    private static StackSample sample(StackProcesses processes, StackProcesses stack) {
        StackSample own = processes.sample();
        StackSample kafka = stack.sample().only(process -> process.name().equals("kafka"));
        Set<Long> seen = new java.util.HashSet<>();
        List<ProcessSample> all = new ArrayList<>();
        for (ProcessSample process : own.processes()) {
            if (seen.add(process.pid())) {
                all.add(process);
            }
        }
        kafka.processes().stream().filter(process -> seen.add(process.pid())).forEach(all::add);
        all.sort(Comparator.comparingLong(ProcessSample::pid));
        return new StackSample(own.takenAtNanos(), all);
    }
}
