package org.banksuite.events;

/**
 * An event published on Kafka for other services and for reconciliation jobs in any language.
 *
 * <p>Every implementation is an immutable record in a package per producer and version
 * ({@code org.banksuite.events.accounts.v1}) and is listed in {@link EventCatalog} with its stable
 * {@code ce_type}. An existing record never changes shape: a new version is a new record in a new package.
 */
public interface IntegrationEvent {

    /** The id of the entity this event is about: the Kafka record key and the {@code ce_subject} header. */
    String subject();
}
