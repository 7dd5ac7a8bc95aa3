package org.banksuite.adapter.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.KafkaTopicProbe;

import org.awaitility.Awaitility;

/** The other services' side of the topics: sends their events as they would, reads what the adapter published. */
final class ForeignEvents implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final KafkaTestProducer producer;
    private final KafkaTopicProbe probe;

    ForeignEvents(String bootstrapServers) {
        producer = new KafkaTestProducer(bootstrapServers);
        probe = new KafkaTopicProbe(bootstrapServers);
    }

    void send(String topic, String source, IntegrationEvent event) {
        producer.send(CloudEventsKafka.toRecord(topic, EventEnvelope.of(UUID.randomUUID().toString(), source,
                Instant.now(), SEQUENCE.incrementAndGet(), event)));
    }

    void sendRaw(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    /** Waits until the topic holds an event of {@code type} about {@code subject} and returns it. */
    <T extends IntegrationEvent> T await(String topic, Class<T> type, String subject) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> events(topic, type, subject), found -> !found.isEmpty()).getFirst();
    }

    /** Everything of {@code type} about {@code subject} on the topic now. */
    <T extends IntegrationEvent> List<T> events(String topic, Class<T> type, String subject) {
        return envelopes(topic).stream()
                .filter(envelope -> subject.equals(envelope.subject()) && type.isInstance(envelope.event()))
                .map(envelope -> type.cast(envelope.event())).toList();
    }

    List<EventEnvelope> envelopes(String topic) {
        List<ConsumerRecord<String, byte[]>> records = probe.drain(topic, Duration.ofMillis(300));
        return records.stream().map(CloudEventsKafka::fromRecord).toList();
    }

    @Override
    public void close() {
        producer.close();
        probe.close();
    }
}
