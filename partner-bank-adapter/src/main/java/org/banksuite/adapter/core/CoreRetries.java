package org.banksuite.adapter.core;

import java.time.Duration;

/**
 * When to call the core again after an answer that was not final. A {@code Retry-After} from the proxy is followed
 * as given (at least a second); a failure without one waits {@code firstBackoff}, doubling with each further failure
 * up to {@code maxBackoff}, and goes on at that pace for as long as it takes: an operation is never dropped. After
 * {@code overdueAfter} failures in a row the operation counts as overdue (logged loudly, and visible in the
 * operation log and its metric).
 */
public record CoreRetries(Duration firstBackoff, Duration maxBackoff, int overdueAfter) {

    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    public CoreRetries {
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff");
        }
    }

    /** The wait before the next call, after {@code failures} non-final answers in a row (1 for the first). */
    public Duration waitAfter(CoreAnswer<?> answer, int failures) {
        if (answer instanceof CoreAnswer.RetryLater<?> later && later.after() != null) {
            return later.after().compareTo(AT_LEAST) < 0 ? AT_LEAST : later.after();
        }
        return backoff(failures);
    }

    public Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = firstBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    public boolean overdue(int failures) {
        return failures >= overdueAfter;
    }
}
