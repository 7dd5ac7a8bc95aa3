package org.banksuite.bench.reference;

import java.time.Duration;

/**
 * What {@link PostgresCeiling#measure} saw.
 *
 * @param transfers           transfers replayed in full
 * @param commits             commits made (transfers times {@link #commitsPerTransfer})
 * @param commitsPerTransfer  the pattern's commits per transfer
 * @param elapsed             the measured time
 * @param connections         how many connections replayed in parallel
 * @param fsync               PostgreSQL's {@code fsync} setting during the run ({@code on} for a meaningful ceiling)
 * @param synchronousCommit   PostgreSQL's {@code synchronous_commit} setting
 * @param cpuMillis           CPU milliseconds used by the PostgreSQL processes during the run, or -1 if unknown (a
 *                            server on another machine, or no {@code /proc})
 */
public record CeilingResult(long transfers, long commits, int commitsPerTransfer, Duration elapsed, int connections,
                            String fsync, String synchronousCommit, long cpuMillis) {

    public double transfersPerSecond() {
        return transfers / seconds();
    }

    public double commitsPerSecond() {
        return commits / seconds();
    }

    /** CPU milliseconds of PostgreSQL per transfer, or NaN if unknown or nothing was replayed. */
    public double cpuMillisPerTransfer() {
        return cpuMillis < 0 || transfers == 0 ? Double.NaN : (double) cpuMillis / transfers;
    }

    private double seconds() {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }

    @Override
    public String toString() {
        return String.format("PostgreSQL ceiling: %.1f transfers/s, %.0f commits/s (%d commits per transfer),"
                        + " %.2f ms PostgreSQL CPU per transfer; %d transfers in %.1f s over %d connections,"
                        + " fsync=%s, synchronous_commit=%s",
                transfersPerSecond(), commitsPerSecond(), commitsPerTransfer, cpuMillisPerTransfer(), transfers,
                seconds(), connections, fsync, synchronousCommit);
    }
}
