package org.banksuite.console.story.client;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.banksuite.events.CloudEventsKafka;

/**
 * Reads partitions of one topic from their start to their end offset at the time of the call, with a consumer that
 * has no group ({@code assign()}: nothing committed, no rebalance), keeping the records that belong to the entity.
 * The partition of a key is the one Kafka's default partitioner gives it (murmur2 of the key's bytes), as the
 * services' producers publish with the entity id as key and no partitioner of their own.
 */
final class TopicReader {

    private final Consumer<byte[], byte[]> consumer;
    private final String prefix;
    private final ReadingBudget budget;

    TopicReader(Consumer<byte[], byte[]> consumer, String prefix, ReadingBudget budget) {
        this.consumer = consumer;
        this.prefix = prefix;
        this.budget = budget;
    }

    /**
     * @param topic   the topic (without prefix)
     * @param keys    read only the partitions these keys hash to; empty: every partition
     * @param belongs which records to keep
     * @return what was read; a topic that does not exist reads as empty, one that fails as unavailable
     */
    TopicReading read(String topic, Set<String> keys, Predicate<ConsumerRecord<byte[], byte[]>> belongs) {
        if (budget.exhausted()) {
            return new TopicReading(topic, 0, 0, List.of(), false, null);
        }
        try {
            return readPartitions(topic, keys, belongs);
        } catch (KafkaException failed) {
            return TopicReading.unavailable(topic, topic + " could not be read: " + failed.getClass().getSimpleName()
                    + (failed.getMessage() == null ? "" : " (" + failed.getMessage() + ")"));
        } finally {
            consumer.unsubscribe();
        }
    }

    private TopicReading readPartitions(String topic, Set<String> keys,
                                        Predicate<ConsumerRecord<byte[], byte[]>> belongs) {
        String name = prefix + topic;
        List<PartitionInfo> partitions = consumer.partitionsFor(name, budget.timeLeft());
        if (partitions == null || partitions.isEmpty()) {
            return new TopicReading(topic, 0, 0, List.of(), true, null);
        }
        Set<TopicPartition> assigned = new HashSet<>();
        if (keys.isEmpty()) {
            partitions.forEach(info -> assigned.add(new TopicPartition(name, info.partition())));
        } else {
            keys.forEach(key -> assigned.add(new TopicPartition(name, partitionOf(key, partitions.size()))));
        }
        consumer.assign(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, budget.timeLeft());
        consumer.seekToBeginning(assigned);
        Set<TopicPartition> open = new HashSet<>(assigned);
        open.removeIf(partition -> consumer.position(partition, budget.timeLeft()) >= ends.get(partition));
        List<StoryEvent> events = new ArrayList<>();
        long records = 0;
        while (!open.isEmpty() && !budget.exhausted()) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(budget.pollTime());
            budget.count(batch.count());
            records += batch.count();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (belongs.test(record)) {
                    events.add(event(topic, record));
                }
            }
            open.removeIf(partition -> consumer.position(partition, budget.timeLeft()) >= ends.get(partition));
        }
        return new TopicReading(topic, assigned.size(), records, events, open.isEmpty(), null);
    }

    /** Kafka's default partitioner for a keyed record ({@code BuiltInPartitioner.partitionForKey}). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static StoryEvent event(String topic, ConsumerRecord<byte[], byte[]> record) {
        String id = CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID);
        return new StoryEvent(topic, record.partition(), record.offset(),
                id == null ? topic + "-" + record.partition() + "@" + record.offset() : id,
                orEmpty(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE)),
                time(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TIME), record.timestamp()),
                orEmpty(CloudEventsKafka.header(record.headers(), CloudEventsKafka.SEQUENCE)),
                orEmpty(CloudEventsKafka.header(record.headers(), CloudEventsKafka.SOURCE)),
                traceId(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TRACEPARENT)), key(record));
    }

    private static Instant time(String ceTime, long timestamp) {
        if (ceTime != null) {
            try {
                return OffsetDateTime.parse(ceTime).toInstant();
            } catch (DateTimeException unreadable) {
                // the record's own time below
            }
        }
        return Instant.ofEpochMilli(timestamp);
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}); empty if malformed. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return "";
        }
        String[] parts = traceparent.split("-");
        return parts.length >= 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
