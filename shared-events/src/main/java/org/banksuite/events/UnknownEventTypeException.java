package org.banksuite.events;

/** Thrown when a {@code ce_type} or record class is not in the {@link EventCatalog}. */
public class UnknownEventTypeException extends IllegalArgumentException {

    public UnknownEventTypeException(String message) {
        super(message);
    }
}
