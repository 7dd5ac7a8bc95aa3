package org.banksuite.launcher.demo;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for an asynchronous outcome by asking again until it shows or the time is up. A read that fails meanwhile
 * (a 404 while a projection catches up, a refused connection while a service restarts) counts as "not yet";
 * an {@link UnexpectedOutcomeException} ends the wait at once.
 */
public final class Polling {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Polling() {
    }

    /** Returns the first value that is {@code done}; throws {@link UnexpectedOutcomeException} after {@code timeout}. */
    public static <T> T until(String expectation, Duration timeout, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lastSeen = "nothing yet";
        while (true) {
            try {
                T value = read.get();
                if (value != null && done.test(value)) {
                    return value;
                }
                lastSeen = value;
            } catch (UnexpectedOutcomeException definitive) {
                throw definitive;
            } catch (RuntimeException notYet) {
                lastSeen = notYet.getClass().getSimpleName() + ": " + notYet.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new UnexpectedOutcomeException("expected " + expectation + " within " + timeout.toSeconds()
                        + " s; last seen: " + lastSeen);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnexpectedOutcomeException("interrupted while waiting");
        }
    }
}
