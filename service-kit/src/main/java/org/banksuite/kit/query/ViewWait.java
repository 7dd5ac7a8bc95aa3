package org.banksuite.kit.query;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The bounded wait of a read-your-writes read (issue 15): reads the view again every {@link #POLL_MILLIS} until what
 * it read is ready or the bound passed. The read is a cheap indexed query of one row; the bound (2 s by default,
 * {@code banksuite.read-your-writes.max-wait}) keeps a request thread from waiting on a view that is far behind.
 */
public final class ViewWait {

    /** How often the view is read again while waiting. */
    public static final long POLL_MILLIS = 25;

    private final Duration bound;

    /** {@code bound}: the longest a read waits; zero or negative reads once. */
    public ViewWait(Duration bound) {
        this.bound = bound;
    }

    /**
     * Reads until {@code ready} accepts what {@code read} answered, at most for the bound.
     *
     * @return the last read, ready or not (the caller decides what a read that never got ready answers)
     */
    public <T> T until(Supplier<T> read, Predicate<T> ready) {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = read.get();
        while (!ready.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            last = read.get();
        }
        return last;
    }
}
