package org.banksuite.adapter.operationlog;

import java.time.Instant;

public record LoggedAttempt(int attempt, String call, Instant startedAt, long durationMillis, Integer httpStatus,
                            String failure, String outcome, Long retryAfterSeconds) {
}
