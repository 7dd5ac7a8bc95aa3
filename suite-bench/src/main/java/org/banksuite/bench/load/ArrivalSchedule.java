package org.banksuite.bench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * When each request of one rate's run is meant to be sent, as offsets from the run's start: computed before the run,
 * so that the intended times never depend on how fast the target answers (open loop, no coordinated omission).
 */
public final class ArrivalSchedule {

    /** How arrivals are spaced. */
    public enum Arrivals {
        /** Evenly: one every {@code 1/rate} seconds. */
        CONSTANT,
        /** A Poisson process: exponentially distributed gaps with mean {@code 1/rate}, from a seeded generator. */
        POISSON
    }

    private final long[] offsetsNanos;

    private ArrivalSchedule(long[] offsetsNanos) {
        this.offsetsNanos = offsetsNanos;
    }

    /**
     * The arrivals within {@code [0, duration)} at {@code ratePerSecond}.
     *
     * @param seed used by {@link Arrivals#POISSON} only; the same seed gives the same schedule
     * @throws IllegalArgumentException for a rate that is not positive or a duration that is not positive
     */
    public static ArrivalSchedule of(Arrivals arrivals, double ratePerSecond, Duration duration, long seed) {
        if (!(ratePerSecond > 0) || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("rate and duration must be positive: " + ratePerSecond + "/s, " + duration);
        }
        long end = duration.toNanos();
        double meanGapNanos = 1e9 / ratePerSecond;
        long[] offsets = new long[(int) Math.min(Integer.MAX_VALUE - 8, Math.ceil(ratePerSecond * duration.toNanos() / 1e9) * 2 + 16)];
        int count = 0;
        if (arrivals == Arrivals.CONSTANT) {
            for (long i = 0; ; i++) {
                long offset = Math.round(i * meanGapNanos);
                if (offset >= end) {
                    break;
                }
                offsets[count++] = offset;
            }
        } else {
            Random random = new Random(seed);
            double at = 0;
            while (true) {
                at += -Math.log(1 - random.nextDouble()) * meanGapNanos;
                if (at >= end) {
                    break;
                }
                if (count == offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[count++] = (long) at;
            }
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, count));
    }

    /** How many requests the schedule sends. */
    public int size() {
        return offsetsNanos.length;
    }

    /** The {@code index}th request's intended send time, in nanoseconds after the run's start. */
    public long offsetNanos(int index) {
        return offsetsNanos[index];
    }
}
