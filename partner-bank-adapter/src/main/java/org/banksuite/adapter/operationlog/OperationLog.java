package org.banksuite.adapter.operationlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import org.banksuite.adapter.core.Operation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every attempt of a core operation to {@code core_operation} and {@code core_operation_attempt}, in a
 * transaction of its own: what was sent to the core stays logged even when the saga that sent it fails or its process
 * dies before the saga's own transaction commits. Counts attempts in {@code adapter.core.attempts} by kind and outcome.
 */
public class OperationLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final MeterRegistry meters;

    public OperationLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
    }

    public void record(Operation operation, Attempt attempt) {
        ownTransaction.executeWithoutResult(status -> write(operation, attempt));
        Counter.builder("adapter.core.attempts").description("Calls to the core through the proxy")
                .tag("kind", operation.kind().name()).tag("outcome", attempt.outcome().name())
                .register(meters).increment();
    }

    private void write(Operation operation, Attempt attempt) {
        Timestamp startedAt = Timestamp.from(attempt.startedAt());
        jdbc.update("""
                insert into core_operation (operation_id, kind, account_id, transfer_id, status, started_at, attempts)
                values (?, ?, ?, ?, 'IN_PROGRESS', ?, 0) on conflict do nothing""",
                operation.id(), operation.kind().name(), operation.accountId(), operation.transferId(), startedAt);
        Integer number = jdbc.queryForObject("""
                update core_operation set attempts = attempts + 1, last_attempt_at = ?, outcome = ?,
                       status = case when ? then 'COMPLETED' else status end,
                       completed_at = case when ? and completed_at is null then ? else completed_at end
                where operation_id = ? returning attempts""", Integer.class,
                startedAt, attempt.summary(), attempt.completes(), attempt.completes(),
                Timestamp.from(attempt.startedAt().plus(attempt.duration())), operation.id());
        jdbc.update("""
                insert into core_operation_attempt (operation_id, attempt, call, started_at, duration_ms, http_status,
                                                    failure, outcome, retry_after_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                operation.id(), number, attempt.call(), startedAt, attempt.duration().toMillis(), attempt.httpStatus(),
                attempt.failure(), attempt.outcome().name(),
                attempt.retryAfter() == null ? null : attempt.retryAfter().toSeconds());
    }
}
