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
 * @param idleRssBytes    the whole stack's resident memory before the first rate
 * @param idleRssByPart   the same per part
 * @param rates           one entry per offered rate, in the order run
 * @param peakRssByPart   the resident memory per part at the highest rate's peak
 * @param references      the baselines measured on the same machine, if any
 */
public record BenchReport(String startedAt, Map<String, String> machine, Map<String, String> settings,
                          List<String> notes, Optional<org.banksuite.bench.load.SequentialRun.Result> idle, long idleRssBytes,
                          Map<String, Long> idleRssByPart, List<RateResult> rates, Map<String, Long> peakRssByPart,
                          List<Reference> references) {

    public BenchReport {
        machine = Map.copyOf(machine);
        settings = Map.copyOf(settings);
        notes = List.copyOf(notes);
        idleRssByPart = Map.copyOf(idleRssByPart);
        rates = List.copyOf(rates);
        peakRssByPart = Map.copyOf(peakRssByPart);
        references = List.copyOf(references);
    }

    /** The rate run at the highest offered rate, if any. */
    public Optional<RateResult> highestRate() {
        return rates.stream().max(java.util.Comparator.comparingDouble(RateResult::offeredPerSecond));
    }

    /** The highest resident memory of the stack seen: at idle or during any rate. */
    public long peakRssBytes() {
        return Math.max(idleRssBytes, rates.stream().mapToLong(RateResult::peakRssBytes).max().orElse(0));
    }

    /** The same report with these references. */
    public BenchReport withReferences(List<Reference> measured) {
        return new BenchReport(startedAt, machine, settings, notes, idle, idleRssBytes, idleRssByPart, rates,
                peakRssByPart, measured);
    }
}
