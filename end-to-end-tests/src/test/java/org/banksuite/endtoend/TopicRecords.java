package org.banksuite.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic's records from its beginning up to its end at the time of the call (committed records only), as
 * the launcher's {@code TopicCensus} does, but keeping whole records. Reaching the end offsets is the signal the read
 * is complete, where a probe waiting for a quiet second would spend that second on every read. It never joins a
 * consumer group and never creates a topic.
 */
final class TopicRecords implements AutoCloseable {

    private static final Duration READ_WITHIN = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;

    TopicRecords(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /**
     * Every committed record on {@code topic} now; none if the topic does not exist yet.
     *
     * @throws AssertionError if the records up to the end offsets cannot be read within a minute
     */
    List<ConsumerRecord<String, byte[]>> read(String topic) {
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
        while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end within " + READ_WITHIN.toSeconds()
                        + " s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        consumer.unsubscribe();
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
