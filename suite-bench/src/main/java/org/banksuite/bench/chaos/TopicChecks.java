package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.banksuite.events.Topics;
import org.banksuite.launcher.demo.TopicCensus;
import org.banksuite.launcher.demo.TopicEvent;

/**
 * The event invariants, over everything the stack ever stored: each service's stored events are exactly the
 * distinct {@code ce_id}s on its topic, and on every topic each entity's {@code ce_sequence}s run 0, 1, 2… without
 * gaps, an event delivered twice always with the same number.
 */
final class TopicChecks {

    /**
     * The adapter's aggregates also store events that stay inside it (see PartnerBankIntegrationEvents): requests it
     * is about to send, its entry cursor, payment bookkeeping.
     */
    private static final Set<String> ADAPTER_INTERNAL_EVENTS = Set.of("CoreAccountOpeningRequested",
            "CoreAccountClosureRequested", "CoreRecordTypeChangeRequested", "EntryCursorAdvanced",
            "PaymentOrderRegistered", "PaymentResolutionStarted");

    private record Source(String database, Set<String> aggregateTypes, Set<String> internal, String topic) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("accounts", Set.of("Account"), Set.of(), Topics.ACCOUNTS_EVENTS),
            new Source("transfers", Set.of("Transfer"), Set.of(), Topics.TRANSFERS_EVENTS),
            new Source("adapter", Set.of("CoreAccount", "CorePayment"), ADAPTER_INTERNAL_EVENTS,
                    Topics.PARTNER_BANK_EVENTS));

    private final StackDatabases databases;
    private final String bootstrapServers;
    private final Map<String, String> kafkaClientProperties;

    TopicChecks(StackDatabases databases, String bootstrapServers, Map<String, String> kafkaClientProperties) {
        this.databases = databases;
        this.bootstrapServers = bootstrapServers;
        this.kafkaClientProperties = kafkaClientProperties;
    }

    /** Waits up to {@code patience} for the publishers to catch up before it counts what is missing. */
    Check everyStoredEventOnItsTopic(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> offending;
        long stored;
        long published;
        while (true) {
            offending = new ArrayList<>();
            stored = 0;
            published = 0;
            try (TopicCensus census = new TopicCensus(bootstrapServers, kafkaClientProperties)) {
                for (Source source : SOURCES) {
                    Set<String> inTheStore = storedIds(source);
                    Set<String> onTheTopic = new HashSet<>();
                    census.read(source.topic()).forEach(event -> onTheTopic.add(event.id()));
                    Set<String> storedNow = storedIds(source);
                    stored += inTheStore.size();
                    published += onTheTopic.size();
                    for (String id : inTheStore) {
                        if (!onTheTopic.contains(id)) {
                            offending.add(source.topic() + " lacks stored event " + id);
                        }
                    }
                    for (String id : onTheTopic) {
                        if (!storedNow.contains(id)) {
                            offending.add(source.topic() + " carries " + id + ", which " + source.database()
                                    + " never stored");
                        }
                    }
                }
            }
            if (offending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            sleep();
        }
        return Check.of("every stored event on Kafka (event-store ids = distinct ce_ids)", stored + " stored, "
                + published + " distinct on the topics, " + offending.size() + " differences", offending);
    }

    Check sequencesWithoutGaps() {
        List<String> offending = new ArrayList<>();
        long entities = 0;
        try (TopicCensus census = new TopicCensus(bootstrapServers, kafkaClientProperties)) {
            for (String topic : List.of(Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS)) {
                Map<String, Set<Long>> sequencesById = new HashMap<>();
                Map<String, String> entityById = new HashMap<>();
                for (TopicEvent event : census.read(topic)) {
                    sequencesById.computeIfAbsent(event.id(), id -> new TreeSet<>()).add(event.sequence());
                    entityById.put(event.id(), event.entityId());
                }
                Map<String, TreeSet<Long>> byEntity = new HashMap<>();
                sequencesById.forEach((id, sequences) -> {
                    if (sequences.size() > 1) {
                        offending.add(topic + ": event " + id + " delivered with ce_sequence " + sequences);
                    }
                    byEntity.computeIfAbsent(entityById.get(id), entity -> new TreeSet<>()).add(sequences.iterator().next());
                });
                entities += byEntity.size();
                byEntity.forEach((entity, sequences) -> {
                    if (sequences.first() != 0 || sequences.last() != sequences.size() - 1) {
                        offending.add(topic + ": " + entity + " has ce_sequence " + abbreviated(sequences));
                    }
                });
            }
        }
        return Check.of("per entity, ce_sequence 0, 1, 2… without gaps", entities + " entities on 3 topics, "
                + offending.size() + " with gaps or renumbered events", offending);
    }

    private Set<String> storedIds(Source source) {
        Set<String> ids = new HashSet<>();
        for (String[] row : databases.query(source.database(), "select eventidentifier, payloadtype from"
                + " domainevententry where type = any (?)", (Object) source.aggregateTypes().toArray(String[]::new))) {
            String type = row[1].substring(Math.max(row[1].lastIndexOf('.'), row[1].lastIndexOf('$')) + 1);
            if (!source.internal().contains(type)) {
                ids.add(row[0]);
            }
        }
        return ids;
    }

    private static String abbreviated(TreeSet<Long> sequences) {
        return sequences.size() <= 12 ? sequences.toString()
                : sequences.first() + "…" + sequences.last() + " (" + sequences.size() + " numbers)";
    }

    private static void sleep() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
