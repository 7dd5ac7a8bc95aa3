package org.banksuite.launcher.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.banksuite.events.CloudEventsKafka;

/**
 * Reads a topic from its beginning up to its end at the time of the call, committed records only, as a
 * reconciliation job would. It never joins a consumer group and never creates a topic.
 */
public final class TopicCensus implements AutoCloseable {

    private static final Duration READ_WITHIN = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;

    public TopicCensus(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /**
     * @param clientProperties how to authenticate ({@code security.protocol}, {@code sasl.*}), e.g. the local stack's
     *                         {@code .suite/kafka/suite-observer.properties}; empty for a plaintext broker
     */
    public TopicCensus(String bootstrapServers, Map<String, String> clientProperties) {
        Map<String, Object> config = ObserverConsumers.config(bootstrapServers, clientProperties, "census");
        this.consumer = new KafkaConsumer<>(config);
    }

    /** Every record on {@code topic} now; none if the topic does not exist (nothing was ever published). */
    public List<TopicEvent> read(String topic) {
        List<TopicEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(topic)) {
            String sequence = CloudEventsKafka.header(record.headers(), CloudEventsKafka.SEQUENCE);
            events.add(new TopicEvent(record.key(), CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID),
                    CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE),
                    sequence == null ? -1 : Long.parseLong(sequence)));
        }
        return events;
    }

    /**
     * Every committed record on {@code topic} now, whole, from the beginning up to the end offsets at the call:
     * reaching them is the signal the read is complete (no quiet period to wait out). None if the topic does not
     * exist.
     *
     * @throws UnexpectedOutcomeException if the records up to the end offsets cannot be read within a minute
     */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (partitions == null || partitions.isEmpty()) {
            return records;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        long deadline = System.nanoTime() + READ_WITHIN.toNanos();
        while (!reached(ends)) {
            if (System.nanoTime() > deadline) {
                throw new UnexpectedOutcomeException("could not read " + topic + " to its end within "
                        + READ_WITHIN.toSeconds() + " s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        consumer.unsubscribe();
        return records;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
