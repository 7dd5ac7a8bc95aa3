package org.banksuite.kit.idempotency;

/**
 * Whether the resource an Idempotency-Key claimed was stored: the one fact that tells a request that crashed after
 * its work from one that crashed before it. For an event-sourced service it is "the aggregate with that id has
 * events" ({@link #inEventStore}); the event store, not a projection, because a projection may lag.
 */
@FunctionalInterface
public interface StoredResources {

    /** True when something was stored under {@code resourceId}; never throws for an unknown id. */
    boolean exists(String resourceId);

    /** Resources that are aggregates in Axon's {@code eventStore}, named by their aggregate identifier. */
    static StoredResources inEventStore(org.axonframework.eventsourcing.eventstore.EventStore eventStore) {
        return resourceId -> eventStore.lastSequenceNumberFor(resourceId).isPresent();
    }
}
