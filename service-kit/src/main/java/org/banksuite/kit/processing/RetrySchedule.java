package org.banksuite.kit.processing;

import java.time.Duration;
import java.time.Instant;

/**
 * When a dead-lettered sequence is due for its next automatic retry: the wait doubles with every failed attempt, from
 * {@code firstRetryAfter} up to {@code maxInterval}; after {@code maxAttempts} it is left to support staff.
 */
public record RetrySchedule(Duration firstRetryAfter, Duration maxInterval, int maxAttempts) {

    public boolean isDue(int failedAttempts, Instant lastTouched, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return false;
        }
        return !now.isBefore(lastTouched.plus(waitAfter(failedAttempts)));
    }

    public Duration waitAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = firstRetryAfter.multipliedBy(1L << doublings);
        return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
    }
}
