package org.banksuite.kit.deadletters;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.banksuite.kit.inbox.DeadLetterAttempts;
import org.banksuite.kit.inbox.InboundEvents;

/** What support reads off one of Axon's dead letters. */
final class Letters {

    private Letters() {
    }

    /** The sequence the letter is in: the JDBC queue keeps it; otherwise the inbox's subject is the sequence. */
    static String sequenceId(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        Object subject = letter.message().getMetaData().get(InboundEvents.SUBJECT);
        return subject == null ? null : subject.toString();
    }

    /** The inbound event's {@code ce_type}, or the Java type's simple name (e.g. {@code UnreadableInboundRecord}). */
    static String eventType(DeadLetter<? extends EventMessage<?>> letter) {
        Object type = letter.message().getMetaData().get(InboundEvents.TYPE);
        return type != null ? type.toString() : letter.message().getPayloadType().getSimpleName();
    }

    static Optional<LetterCause> cause(DeadLetter<?> letter) {
        return letter.cause().map(cause -> new LetterCause(cause.type(), cause.message()));
    }

    static int attempts(DeadLetter<?> letter) {
        return DeadLetterAttempts.of(letter);
    }
}
