package org.banksuite.kit.axon;

/**
 * One type of event kept in a service's event store, as the store knows it: the stable {@code name} it is stored
 * under, independent of the Java class, and the {@code revision} of its payload's shape.
 *
 * @param javaType today's record for the type
 * @param name     e.g. {@code accounts.FundsReserved}; never changes once events were stored under it
 * @param revision the current shape of the payload, {@code "1"} first; raised whenever the serialized form changes,
 *                 with an upcaster from the previous revision where older payloads need one
 */
public record StoredEventType(Class<?> javaType, String name, String revision) {
}
