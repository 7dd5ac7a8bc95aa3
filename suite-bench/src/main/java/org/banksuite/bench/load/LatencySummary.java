package org.banksuite.bench.load;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram's figures in milliseconds (recorded in microseconds).
 *
 * @param count how many values were recorded
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    /** The figures of a histogram of microseconds; all zero for an empty one. */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
