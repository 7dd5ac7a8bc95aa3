package org.banksuite.adapter.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.testsupport.KafkaTestProducer;

import org.awaitility.Awaitility;

/**
 * The other services' side of the topics: sends their events as they would, reads what the adapter published.
 * <p>
 * "On the topic now" means every record committed before the call: the topic is read up to its end offsets of that
 * moment (the last stable offsets, read_committed). What was read once is kept, so each look reads only what is new
 * instead of the whole topic again and waiting for it to fall quiet.
 */
final class ForeignEvents implements AutoCloseable {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Duration READ_WITHIN = Duration.ofSeconds(30);

    private final KafkaTestProducer producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> read = new HashMap<>();
    private final List<TopicPartition> assigned = new ArrayList<>();

    ForeignEvents(String bootstrapServers) {
        producer = new KafkaTestProducer(bootstrapServers);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "foreign-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
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
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> events(topic, type, subject), found -> !found.isEmpty()).getFirst();
    }

    /** Everything of {@code type} about {@code subject} on the topic now. */
    <T extends IntegrationEvent> List<T> events(String topic, Class<T> type, String subject) {
        return envelopes(topic).stream()
                .filter(envelope -> subject.equals(envelope.subject()) && type.isInstance(envelope.event()))
                .map(envelope -> type.cast(envelope.event())).toList();
    }

    /** Every record on the topic now, in each partition's order. */
    List<EventEnvelope> envelopes(String topic) {
        return recordsUpToNow(topic).stream().map(CloudEventsKafka::fromRecord).toList();
    }

    private synchronized List<ConsumerRecord<String, byte[]>> recordsUpToNow(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return List.of(); // not created yet: nothing on it
        }
        List<TopicPartition> ofTopic = partitions.stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        assign(ofTopic);
        Map<TopicPartition, Long> end = consumer.endOffsets(ofTopic);
        long deadline = System.nanoTime() + READ_WITHIN.toNanos();
        while (ofTopic.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " up to " + end + " within " + READ_WITHIN);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(record ->
                    read.computeIfAbsent(record.topic(), name -> new ArrayList<>()).add(record));
        }
        return List.copyOf(read.getOrDefault(topic, List.of()));
    }

    /** Adds the partitions not read yet, from their beginning; those read so far keep their positions. */
    private void assign(List<TopicPartition> partitions) {
        List<TopicPartition> added = partitions.stream().filter(partition -> !assigned.contains(partition)).toList();
        if (added.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        assigned.forEach(partition -> positions.put(partition, consumer.position(partition)));
        assigned.addAll(added);
        consumer.assign(assigned);
        positions.forEach(consumer::seek);
        consumer.seekToBeginning(added);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
