package org.banksuite.bench.report;

import java.util.Map;

import org.banksuite.bench.load.RecordedRun;

/**
 * One offered rate's figures.
 *
 * @param offeredPerSecond     the arrival rate asked for
 * @param arrivals             {@code CONSTANT} or {@code POISSON}
 * @param run                  latencies and counts (requests intended after the warm-up)
 * @param cpuMillis            CPU time of every process of the stack from the rate's start to the end of its drain
 * @param completedTransfers   transfers of this rate (warm-up included) booked or rejected by the end of the drain
 * @param cpuMillisPerTransfer {@code cpuMillis / completedTransfers}; 0 when none completed
 * @param peakRssBytes         the highest sum of the stack's processes' RSS sampled during the rate (shared pages
 *                             counted once per process)
 * @param peakPssBytes         the highest sum of their PSS (shared pages counted once): the stack's real footprint
 * @param cpuMillisByPart      the CPU time per part of the stack (each service, kafka, postgres)
 */
public record RateResult(double offeredPerSecond, String arrivals, RecordedRun run, double cpuMillis,
                         long completedTransfers, double cpuMillisPerTransfer, long peakRssBytes, long peakPssBytes,
                         Map<String, Double> cpuMillisByPart) {

    public RateResult {
        cpuMillisByPart = Map.copyOf(cpuMillisByPart);
    }

    /** The figures with the CPU per transfer computed from the CPU time and the completed transfers. */
    public static RateResult of(double offeredPerSecond, String arrivals, RecordedRun run, double cpuMillis,
                                long completedTransfers, long peakRssBytes, long peakPssBytes,
                                Map<String, Double> cpuMillisByPart) {
        return new RateResult(offeredPerSecond, arrivals, run, cpuMillis, completedTransfers,
                completedTransfers == 0 ? 0 : cpuMillis / completedTransfers, peakRssBytes, peakPssBytes,
                cpuMillisByPart);
    }
}
