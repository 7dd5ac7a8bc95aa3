package org.banksuite.bench.load;

/**
 * What a {@link LatencyRecorder} saw of the requests intended after the warm-up.
 *
 * @param sent               requests sent
 * @param accepted           answered with a success status
 * @param refused            answered with any other status
 * @param failed             no answer (transport error, timeout)
 * @param booked             accepted and booked
 * @param rejected           accepted and rejected (a business outcome, still completed)
 * @param neverCompleted     accepted, not completed when the run stopped waiting
 * @param completedPerSecond completions within the measured window per second of it
 * @param accept             intended send time to the answer
 * @param bookedLatency      intended send time to booked (the completion's time)
 * @param bookedFromAccept   the answer to booked
 */
public record RecordedRun(long sent, long accepted, long refused, long failed, long booked, long rejected,
                          long neverCompleted, double completedPerSecond, LatencySummary accept,
                          LatencySummary bookedLatency, LatencySummary bookedFromAccept) {

    /** Refused, failed and never completed: everything that is not a booked or rejected transfer. */
    public long errors() {
        return refused + failed + neverCompleted;
    }
}
