package org.banksuite.adapter.operationlog;

import java.time.Duration;
import java.time.Instant;

/**
 * One call to the core as it is logged. {@code httpStatus} is null when no answer came; {@code failure} says why, or
 * names the refusal; {@code summary} is what the operation's outcome reads after it; {@code completes} is true when
 * the answer was final for the operation.
 */
public record Attempt(String call, Instant startedAt, Duration duration, Integer httpStatus, String failure,
                      AttemptOutcome outcome, Duration retryAfter, String summary, boolean completes) {
}
