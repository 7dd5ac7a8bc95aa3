package org.banksuite.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Records one rate's run: every latency is measured from the request's <em>intended</em> send time (the schedule's),
 * not from when it was actually sent, so that a target that falls behind shows its delay (no coordinated omission).
 * Histograms in microseconds, 3 significant digits, values above an hour recorded as an hour. Requests intended
 * during the warm-up are sent and answered but not recorded. Thread-safe.
 */
public final class LatencyRecorder {

    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final long startNanos;
    private final Instant startWall;
    private final long measuredFromNanos;
    private final long measuredUntilNanos;
    private final Histogram accept = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram booked = new Histogram(HIGHEST_MICROS, 3);
    private final Histogram bookedFromAccept = new Histogram(HIGHEST_MICROS, 3);
    private long sent;
    private long accepted;
    private long refused;
    private long failed;
    private long bookedCount;
    private long rejectedCount;
    private long neverCompleted;
    private long completedInWindow;
    private long completedTotal;

    /**
     * @param startNanos  {@link System#nanoTime()} of the run's start (offset 0 of its schedule)
     * @param startWall   the wall-clock time of the same moment, to compare with completion times (event times)
     * @param warmup      requests intended before {@code start + warmup} are not recorded
     * @param duration    the run's length: completions between {@code start + warmup} and {@code start + duration}
     *                    make {@link #completedPerSecond()}
     */
    public LatencyRecorder(long startNanos, Instant startWall, Duration warmup, Duration duration) {
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the warm-up " + warmup + " leaves nothing of the run " + duration);
        }
        this.startNanos = startNanos;
        this.startWall = startWall;
        this.measuredFromNanos = startNanos + warmup.toNanos();
        this.measuredUntilNanos = startNanos + duration.toNanos();
    }

    /** Whether a request intended at {@code intendedNanos} counts (it is past the warm-up). */
    public boolean measured(long intendedNanos) {
        return intendedNanos >= measuredFromNanos;
    }

    /** The wall-clock time of a {@link System#nanoTime()} reading of this run. */
    public Instant wallAt(long nanos) {
        return startWall.plusNanos(nanos - startNanos);
    }

    public synchronized void sent(long intendedNanos) {
        if (measured(intendedNanos)) {
            sent++;
        }
    }

    /** The target answered: a success status records the accept latency, any other counts as refused. */
    public synchronized void answered(long intendedNanos, Submission.Answer answer, boolean success) {
        if (!measured(intendedNanos)) {
            return;
        }
        if (success) {
            accepted++;
            accept.recordValue(clamp((answer.answeredNanos() - intendedNanos) / 1000));
        } else {
            refused++;
        }
    }

    /** The request failed without an answer (transport error, timeout). */
    public synchronized void failed(long intendedNanos) {
        if (measured(intendedNanos)) {
            failed++;
        }
    }

    /** The transfer completed; counts for completed/s if it completed within the measured window, whatever its intended time. */
    public synchronized void completed(long intendedNanos, Submission.Answer answer, Submission.Completion completion) {
        completedTotal++;
        Instant at = completion.at();
        if (!at.isBefore(wallAt(measuredFromNanos)) && at.isBefore(wallAt(measuredUntilNanos))) {
            completedInWindow++;
        }
        if (!measured(intendedNanos)) {
            return;
        }
        if (completion.booked()) {
            bookedCount++;
            booked.recordValue(clamp(micros(wallAt(intendedNanos), at)));
            bookedFromAccept.recordValue(clamp(micros(wallAt(answer.answeredNanos()), at)));
        } else {
            rejectedCount++;
        }
    }

    /** The transfer was accepted but had not completed when the run stopped waiting. */
    public synchronized void neverCompleted(long intendedNanos) {
        if (measured(intendedNanos)) {
            neverCompleted++;
        }
    }

    /** Transfers of this run booked or rejected so far, warm-up included (for the CPU per transfer). */
    public synchronized long completedTotal() {
        return completedTotal;
    }

    /** Completions (booked or rejected) per second within the measured window. */
    public synchronized double completedPerSecond() {
        return completedInWindow / ((measuredUntilNanos - measuredFromNanos) / 1e9);
    }

    /** The figures so far. */
    public synchronized RecordedRun snapshot() {
        return new RecordedRun(sent, accepted, refused, failed, bookedCount, rejectedCount, neverCompleted,
                completedPerSecond(), LatencySummary.of(accept), LatencySummary.of(booked),
                LatencySummary.of(bookedFromAccept));
    }

    /** Copies of the histograms (accept, booked from intended, booked from the answer), e.g. to save them. */
    public synchronized Histogram[] histograms() {
        return new Histogram[] {accept.copy(), booked.copy(), bookedFromAccept.copy()};
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static long clamp(long micros) {
        // an event time a little before the intended time (clock granularity) is 0, not an error
        return Math.max(0, Math.min(HIGHEST_MICROS, micros));
    }
}
