package org.banksuite.kit.processing;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aLostConnectionOrASerializationConflictIsTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("connection lost", "08006"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("deadlock"))).isTrue();
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("pool empty"))).isTrue();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsTransientHoweverDeepTheCause() {
        assertThat(TransientFailures.isTransient(new KafkaException("send failed", new ExecutionException(
                new org.apache.kafka.common.errors.TimeoutException("no broker"))))).isTrue();
        assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException())).isTrue();
    }

    /** Two handlers each holding one account's lock and waiting for the other's: retried, never dead-lettered. */
    @Test
    void anAggregateLockDeadlockIsTransient() {
        assertThat(TransientFailures.isTransient(new org.axonframework.commandhandling.CommandExecutionException(
                "command failed", new org.axonframework.common.lock.DeadlockException("imminent deadlock")))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesARecordTheBrokerRefusesOrABugIsLasting() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("refused",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isFalse();
        assertThat(TransientFailures.isTransient(new KafkaException("send failed", new ExecutionException(
                new RecordTooLargeException("too large"))))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
    }
}
