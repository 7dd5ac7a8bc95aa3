package org.banksuite.adapter.operationlog;

import java.time.Instant;
import java.util.List;

/** An operation as the log shows it; {@code attemptLog} is empty in lists. */
public record LoggedOperation(String operationId, String kind, String accountId, String transferId, String status,
                              String outcome, Instant startedAt, Instant lastAttemptAt, Instant completedAt,
                              int attempts, List<LoggedAttempt> attemptLog) {
}
