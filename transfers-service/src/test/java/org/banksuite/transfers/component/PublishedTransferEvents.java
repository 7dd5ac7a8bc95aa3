package org.banksuite.transfers.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;

/**
 * What transfers-service published on {@code transfers.events}, read from the topic's beginning as a consumer of the
 * stream (a reconciliation job, accounts-service, the adapter) reads it, from the moment the recorder is made until it
 * is closed. A record sent again under a {@code ce_id} already seen counts once: the events, not the deliveries.
 */
final class PublishedTransferEvents implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, EventEnvelope> byId = new LinkedHashMap<>();
    private final Thread reader;

    PublishedTransferEvents(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "published-transfer-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        reader = Thread.ofPlatform().daemon().name("published-transfer-events").start(this::read);
    }

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    EventEnvelope envelope = CloudEventsKafka.fromRecord(record);
                    synchronized (byId) {
                        byId.putIfAbsent(envelope.id(), envelope);
                    }
                });
            }
        } catch (WakeupException closing) {
            // close() asked the reader to stop
        } finally {
            consumer.close();
        }
    }

    /** The events published so far about {@code transfer}, in the order of the topic. */
    List<EventEnvelope> about(UUID transfer) {
        synchronized (byId) {
            return byId.values().stream().filter(envelope -> envelope.subject().equals(transfer.toString()))
                    .toList();
        }
    }

    /** The events of {@code type} published so far about {@code transfer}. */
    <E extends IntegrationEvent> List<E> about(UUID transfer, Class<E> type) {
        List<E> events = new ArrayList<>();
        about(transfer).stream().map(EventEnvelope::event).filter(type::isInstance).map(type::cast)
                .forEach(events::add);
        return events;
    }

    /** The first event of {@code type} about {@code transfer}, once it is published; fails after 30 s. */
    <E extends IntegrationEvent> E await(UUID transfer, Class<E> type) {
        return Awaitility.await().atMost(PATIENCE).until(() -> about(transfer, type), events -> !events.isEmpty()).getFirst();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        reader.join(Duration.ofSeconds(10));
    }
}
