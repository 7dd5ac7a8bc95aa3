package org.banksuite.kit.processing;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.axonframework.common.lock.DeadlockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that may pass by itself (the database or the broker is away, a transaction lost a serialization
 * conflict or a deadlock, in PostgreSQL or between two handlers waiting for each other's aggregate lock) from one that will fail again whatever the wait (a value the database refuses, a bug, a
 * record the broker refuses). Transient failures are retried where they happened, holding back what follows; the
 * others are dead-lettered, holding back only their own entity.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes that name the connection or the server, not the statement: 08 connection exception, 40
     * transaction rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
     * (admin shutdown, cannot connect now), 58 system error (PostgreSQL's appendix A).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private TransientFailures() {
    }

    /** True if {@code failure} or one of its causes is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable cause) {
        if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof RetriableException || cause instanceof TimeoutException
                || cause instanceof InterruptedException || cause instanceof DeadlockException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2));
        }
        return false;
    }
}
