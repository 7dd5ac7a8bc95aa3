package org.banksuite.events;

import java.util.Objects;

/**
 * An event that cannot be read: a consumer should dead-letter it (or, for {@link Reason#UNKNOWN_TYPE}, may
 * skip it when it only cares about the types it knows). The message says what and, for a Kafka record, where.
 */
public class UnreadableEventException extends RuntimeException {

    /** Why the event cannot be read. */
    public enum Reason {
        /** A required CloudEvents header is absent. */
        MISSING_HEADER,
        /** A header is present but its value is malformed (time, sequence, spec version, content type). */
        INVALID_HEADER,
        /** The {@code ce_type} is not in the {@link EventCatalog}. */
        UNKNOWN_TYPE,
        /** The value is absent, not JSON, or does not satisfy the event's contract. */
        INVALID_PAYLOAD
    }

    private final Reason reason;

    public UnreadableEventException(Reason reason, String message) {
        this(reason, message, null);
    }

    public UnreadableEventException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the event cannot be read. */
    public Reason reason() {
        return reason;
    }
}
