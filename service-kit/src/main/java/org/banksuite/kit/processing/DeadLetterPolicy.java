package org.banksuite.kit.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.banksuite.kit.inbox.DeadLetterAttempts;

/**
 * Every processing group's dead-letter decision. A transient failure ({@link TransientFailures}) is not
 * dead-lettered: it is thrown on, so the processor retries the batch with its back-off, as it would without a queue
 * (a broker or database outage must not turn every event into a letter). Any other failure is dead-lettered, with a
 * count of failed attempts and its cause kept in a form the queue's table always takes: control characters replaced
 * and the message cut to fit {@code causemessage} (1023 characters), so that storing the letter cannot fail in turn.
 */
public class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final int MAX_CAUSE_MESSAGE = 1000;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (TransientFailures.isTransient(cause)) {
            throw new TransientProcessingFailure(cause);
        }
        return Decisions.<EventMessage<?>>requeue(storable(cause), DeadLetterAttempts::countedOnce);
    }

    /**
     * The cause itself when its message fits the column as it is (Axon's JDBC queue then keeps its own type, also on a
     * requeue), else a {@link ThrowableCause} with the cleaned message under the cause's type.
     */
    static Throwable storable(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String clean = message.codePoints()
                .map(c -> Character.isISOControl(c) && c != '\n' ? '?' : c)
                .limit(MAX_CAUSE_MESSAGE)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.equals(message) ? cause : new ThrowableCause(cause.getClass().getName(), clean);
    }

    /** A transient failure thrown on past the dead-letter queue, so that the processor retries. */
    public static class TransientProcessingFailure extends RuntimeException {

        TransientProcessingFailure(Throwable cause) {
            super("Transient failure, retried by the processor: " + cause, cause);
        }
    }
}
