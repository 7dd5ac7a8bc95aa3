package org.banksuite.kit.reconstitution;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.banksuite.events.Receivers;

/**
 * What a reconstitution job on this service may name, as the ops API announces it
 * ({@code GET /ops/v1/reconstitution-producers}): each producer the service declares as a {@link ReplayableEvents}
 * bean, its live topic, its events' names and the consuming services of the suite ({@link Receivers}) that read that
 * topic. The same sources {@link JobValidation} checks a job against, so a form built from this offers only jobs the
 * service accepts.
 */
public class ProducerCatalog {

    /**
     * One producer as a job form offers it.
     *
     * @param producer   domain and entity type, e.g. {@code accounts/account}
     * @param topic      the live topic's contract name, e.g. {@code accounts.events}
     * @param eventNames its events' names without domain and version, sorted
     * @param receivers  the consuming services that read {@code topic}, sorted
     */
    public record Entry(Producer producer, String topic, List<String> eventNames, List<String> receivers) {

        public Entry {
            eventNames = List.copyOf(eventNames);
            receivers = List.copyOf(receivers);
        }
    }

    private final List<ReplayableEvents> producers;

    /** The catalog of {@code producers} (the service's {@link ReplayableEvents} beans; none for a pure consumer). */
    public ProducerCatalog(List<ReplayableEvents> producers) {
        this.producers = List.copyOf(producers);
    }

    /** Every producer of this service, sorted by domain and entity type; empty when it produces nothing. */
    public List<Entry> entries() {
        return producers.stream().map(ProducerCatalog::entry)
                .sorted(Comparator.comparing(entry -> entry.producer().toString())).toList();
    }

    private static Entry entry(ReplayableEvents events) {
        String topic = events.topic();
        List<String> receivers = Receivers.all().stream()
                .filter(receiver -> Receivers.topicsOf(receiver).map(topics -> topics.contains(topic)).orElse(false))
                .toList();
        Set<String> names = events.eventNames();
        return new Entry(events.producer(), topic, List.copyOf(names), receivers);
    }
}
