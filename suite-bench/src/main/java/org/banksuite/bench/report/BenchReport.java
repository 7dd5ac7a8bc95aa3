package org.banksuite.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code ./suite bench} run measured, as written to {@code results.json}.
 *
 * @param startedAt       ISO-8601 time of the start
 * @param machine         cores, memory, OS, JVM, load average before the run
 * @param settings        the options (accounts, rates, duration, warm-up, drain, arrivals, seed)
 * @param notes           how it was measured (the event time used, limits raised, ...)
 * @param idle            the sequential phase, absent when skipped
 * @param idleRssBytes    the sum of the stack's processes' RSS before the first rate (shared pages once per process)
 * @param idlePssBytes    the sum of their PSS (shared pages once): the whole stack's resident memory
 * @param idlePssByPart   the PSS per part (each service, kafka, postgres)
 * @param idleCpuMillisPerSecond the stack's CPU use with no traffic (pollers, heartbeats), ms per second, measured
 *                        over a few seconds before the first transfer: at low rates it is most of the CPU per transfer
 * @param rates           one entry per offered rate, in the order run
 * @param peakPssByPart   the PSS per part at the highest rate's peak
 * @param references      the baselines measured on the same machine, if any
 */
public record BenchReport(String startedAt, Map<String, String> machine, Map<String, String> settings,
                          List<String> notes, Optional<org.banksuite.bench.load.SequentialRun.Result> idle, long idleRssBytes,
                          long idlePssBytes, Map<String, Long> idlePssByPart, double idleCpuMillisPerSecond,
                          List<RateResult> rates,
                          Map<String, Long> peakPssByPart,
                          List<Reference> references) {

    public BenchReport {
        machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine)); // kept in order
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        notes = List.copyOf(notes);
        idlePssByPart = Map.copyOf(idlePssByPart);
        rates = List.copyOf(rates);
        peakPssByPart = Map.copyOf(peakPssByPart);
        references = List.copyOf(references);
    }

    /** The rate run at the highest offered rate, if any. */
    public Optional<RateResult> highestRate() {
        return rates.stream().max(java.util.Comparator.comparingDouble(RateResult::offeredPerSecond));
    }

    /** The highest sum of RSS seen: at idle or during any rate. */
    public long peakRssBytes() {
        return Math.max(idleRssBytes, rates.stream().mapToLong(RateResult::peakRssBytes).max().orElse(0));
    }

    /** The highest sum of PSS seen: at idle or during any rate. */
    public long peakPssBytes() {
        return Math.max(idlePssBytes, rates.stream().mapToLong(RateResult::peakPssBytes).max().orElse(0));
    }

    /** The same report with these references. */
    public BenchReport withReferences(List<Reference> measured) {
        return new BenchReport(startedAt, machine, settings, notes, idle, idleRssBytes, idlePssBytes, idlePssByPart,
                idleCpuMillisPerSecond, rates, peakPssByPart, measured);
    }
}
