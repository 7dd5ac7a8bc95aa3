package org.banksuite.console.story.client;

import static org.banksuite.events.Topics.ACCOUNTS_EVENTS;
import static org.banksuite.events.Topics.PARTNER_BANK_EVENTS;
import static org.banksuite.events.Topics.RECONCILIATION_EVENTS;
import static org.banksuite.events.Topics.TRANSFERS_EVENTS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.banksuite.console.config.StoryProperties;
import org.banksuite.console.story.client.Timeline.Kind;

/**
 * An account's or a transfer's events across {@code accounts.events}, {@code transfers.events},
 * {@code partner-bank.events} and {@code reconciliation.events}, read from the topics by the console itself (each
 * event's key is its entity's id: {@code IntegrationEvent.subject()}).
 *
 * <ul>
 *   <li><b>An account</b> (events keyed by it on {@code accounts.events}): its events on {@code accounts.events}
 *   (opened, reservations, postings, ...), the adapter's events of it on {@code partner-bank.events} (core account
 *   opened/closed, record type, core posting entries), and the mismatches of it on {@code reconciliation.events}
 *   (keyed by the mismatch, so every partition is read and the payload's {@code accountId} decides). Its transfers'
 *   own events are not included: they are keyed by the transfer (open the transfer's story).</li>
 *   <li><b>A transfer</b> (events keyed by it on {@code transfers.events}): its events there, the adapter's core
 *   payment events of it on {@code partner-bank.events}, and what happened on its debtor's and creditor's accounts
 *   because of it (the reservation, postings and core entries whose payload names the transfer: a reservation's id
 *   is the transfer's id, a posting's {@code <transferId>/debit}), and the mismatches whose reference names it.</li>
 * </ul>
 * Only the partitions the ids hash to are read, from their start to the end offset at the time of the request,
 * within {@code console.story.max-records} and {@code console.story.max-time}: a topic stopped by the bound says so.
 */
public final class EventTimeline {

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final StoryProperties settings;
    private final Clock clock;

    /**
     * @param consumers a new consumer (no group, byte-array key and value) for each story; closed after it
     * @param settings  the bounds and the topic prefix
     * @param clock     for the time bound
     */
    public EventTimeline(Supplier<Consumer<byte[], byte[]>> consumers, StoryProperties settings, Clock clock) {
        this.consumers = consumers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The events of {@code entityId} (an account or transfer id; the caller has checked it is a UUID). */
    public Timeline of(String entityId) {
        ReadingBudget budget = new ReadingBudget(settings.maxRecords(), settings.maxTime(), clock);
        Consumer<byte[], byte[]> created;
        try {
            created = consumers.get();
        } catch (KafkaException noClient) {
            return new Timeline(entityId, Kind.UNKNOWN, List.of(), Set.of(), List.of(TopicReading.unavailable(
                    "Kafka", "The topics could not be read: " + noClient.getMessage())));
        }
        try (Consumer<byte[], byte[]> consumer = created) {
            TopicReader reader = new TopicReader(consumer, settings.topicPrefix(), budget);
            EventMatch match = new EventMatch(entityId);
            List<TopicReading> readings = new ArrayList<>();
            TopicReading accounts = reader.read(ACCOUNTS_EVENTS, Set.of(entityId), match::belongs);
            if (hasOwnEvents(accounts, entityId)) {
                readings.add(accounts);
                readings.add(reader.read(PARTNER_BANK_EVENTS, Set.of(entityId), match::belongs));
                readings.add(reader.read(RECONCILIATION_EVENTS, Set.of(), match::belongs));
                return timeline(entityId, Kind.ACCOUNT, Set.of(entityId), readings);
            }
            TopicReading transfers = reader.read(TRANSFERS_EVENTS, Set.of(entityId), match::ownedByTransfer);
            readings.add(transfers);
            if (!hasOwnEvents(transfers, entityId)) {
                readings.add(accounts);
                readings.add(reader.read(PARTNER_BANK_EVENTS, Set.of(entityId), match::belongs));
                readings.add(reader.read(RECONCILIATION_EVENTS, Set.of(), match::belongs));
                return timeline(entityId, Kind.UNKNOWN, Set.of(), readings);
            }
            Set<String> named = match.accountsNamed();
            Set<String> partnerKeys = new LinkedHashSet<>(named);
            partnerKeys.add(entityId);
            readings.add(named.isEmpty() ? accounts : reader.read(ACCOUNTS_EVENTS, named, match::belongs));
            readings.add(reader.read(PARTNER_BANK_EVENTS, partnerKeys, match::belongs));
            readings.add(reader.read(RECONCILIATION_EVENTS, Set.of(), match::belongs));
            return timeline(entityId, Kind.TRANSFER, named, readings);
        }
    }

    private static boolean hasOwnEvents(TopicReading reading, String entityId) {
        return reading.events().stream().anyMatch(event -> event.subject().equals(entityId));
    }

    private static Timeline timeline(String entityId, Kind kind, Set<String> accounts, List<TopicReading> readings) {
        Map<String, StoryEvent> once = new LinkedHashMap<>();
        readings.forEach(reading -> reading.events().forEach(event -> once.putIfAbsent(event.id(), event)));
        List<StoryEvent> events = new ArrayList<>(once.values());
        events.sort(Comparator.comparing(StoryEvent::time).thenComparing(StoryEvent::sequenceNumber)
                .thenComparing(StoryEvent::topic).thenComparing(StoryEvent::offset));
        return new Timeline(entityId, kind, events, accounts, readings);
    }
}
