package org.banksuite.kit.processing;

import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.banksuite.kit.inbox.DeadLetterAttempts;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterPolicyTest {

    private final DeadLetterPolicy policy = new DeadLetterPolicy();
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("account-1", GenericEventMessage.asEventMessage("event"));

    @Test
    void throwsATransientFailureOnSoThatTheProcessorRetriesInsteadOfDeadLettering() {
        DataAccessResourceFailureException databaseAway = new DataAccessResourceFailureException("database away",
                new SQLException("terminating connection", "57P01"));

        assertThatThrownBy(() -> policy.decide(letter, databaseAway))
                .isInstanceOf(DeadLetterPolicy.TransientProcessingFailure.class)
                .hasCause(databaseAway);
    }

    @Test
    void deadLettersALastingFailureWithItsAttemptsCounted() {
        EnqueueDecision<EventMessage<?>> first = policy.decide(letter, new IllegalStateException("bug"));

        assertThat(first.shouldEnqueue()).isTrue();
        GenericDeadLetter<EventMessage<?>> once = new GenericDeadLetter<>("account-1", letter.message(), null,
                letter.enqueuedAt(), letter.lastTouched(), first.withDiagnostics(letter).diagnostics());
        assertThat(DeadLetterAttempts.of(once)).isEqualTo(1);
        assertThat(DeadLetterAttempts.of(policy.decide(once, new IllegalStateException("bug")).withDiagnostics(once)))
                .isEqualTo(2);
    }

    @Test
    void keepsACauseThatFitsItsColumnAsItIs() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThat(policy.decide(letter, bug).enqueueCause()).containsSame(bug);
    }

    @Test
    void keepsACauseTheQueuesTableTakesWithoutControlCharactersAndCutToItsColumn() {
        String message = "customer x\u0000y refused; " + "detail ".repeat(500);

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, new DataIntegrityViolationException(message));

        var cause = decision.enqueueCause().map(org.axonframework.messaging.deadletter.ThrowableCause.class::cast)
                .orElseThrow();
        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message()).startsWith("customer x?y refused").hasSizeLessThanOrEqualTo(1023)
                .doesNotContain("\u0000");
    }
}
