package org.banksuite.kit.reconstitution;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.events.CatalogEntry;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.IntegrationEvent;

/**
 * The events of one entity type that a service publishes, as a reconstitution job reads them back from its event
 * store. A producing service declares one bean per entity type; its live publisher maps events the same way, so a
 * replay carries exactly what the live topic carried.
 */
public interface ReplayableEvents {

    /** An event in its published form, with its {@code ce_sequence}. */
    record PublishedEvent(IntegrationEvent event, long sequence) {
    }

    Producer producer();

    /** The aggregate type the event store keeps these events under (its {@code type} column). */
    String aggregateType();

    /** The integration event records this entity type publishes, all on one topic. */
    List<Class<? extends IntegrationEvent>> publishedTypes();

    /** The published form of a stored event; empty for the aggregate's internal events. */
    Optional<PublishedEvent> published(DomainEventMessage<?> stored);

    /** Every event type the catalog lists on {@code topic}: for a producer whose one entity type has the topic. */
    static List<Class<? extends IntegrationEvent>> catalogedOn(String topic) {
        return EventCatalog.all().stream().filter(entry -> entry.topic().equals(topic))
                .<Class<? extends IntegrationEvent>>map(CatalogEntry::recordClass).toList();
    }

    /** The published events' names, e.g. {@code AccountOpened}, sorted. */
    default Set<String> eventNames() {
        Set<String> names = new TreeSet<>();
        publishedTypes().forEach(type -> names.add(entry(type).eventName()));
        return names;
    }

    /** The live topic's contract name, e.g. {@code accounts.events}, without any test prefix. */
    default String topic() {
        return entry(publishedTypes().getFirst()).topic();
    }

    private static CatalogEntry entry(Class<? extends IntegrationEvent> type) {
        return EventCatalog.all().stream().filter(entry -> entry.recordClass() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not in the EventCatalog"));
    }
}
