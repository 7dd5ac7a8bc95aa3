package org.banksuite.bench.report;

/**
 * A reference measured on the same machine (the PostgreSQL ceiling for the suite's per-transfer SQL, the naive
 * baseline service), to compare the suite with.
 *
 * @param name                 what it is
 * @param throughputPerSecond  transfers per second it sustained
 * @param cpuMillisPerTransfer CPU per transfer over its processes; 0 when not measured
 * @param p50Ms                median latency, ms
 * @param p99Ms                99th percentile latency, ms
 */
public record Reference(String name, double throughputPerSecond, double cpuMillisPerTransfer, double p50Ms,
                        double p99Ms) {
}
