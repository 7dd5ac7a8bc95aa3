package org.banksuite.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic, from its beginning, committed records only. Each call reads the topic
 * afresh; the probe never joins a consumer group (it assigns all partitions itself) and never
 * creates the topic.
 */
public final class KafkaTopicProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;

    public KafkaTopicProbe(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /**
     * @param clientProperties put over the probe's own settings: how to authenticate to a secured broker
     *                         ({@code security.protocol}, {@code sasl.*}), and a {@code group.id} its ACLs admit (the
     *                         probe never joins the group nor commits, but the broker checks the name)
     */
    public KafkaTopicProbe(String bootstrapServers, Map<String, String> clientProperties) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        config.putAll(clientProperties);
        this.consumer = new KafkaConsumer<>(config);
    }

    /** Returns the records on {@code topic} once there are at least {@code count}; fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean assigned = false;
        while (seen.size() < count && System.nanoTime() < deadline) {
            assigned = assigned || assignFromBeginning(topic);
            if (assigned) {
                consumer.poll(POLL).forEach(seen::add);
            } else {
                sleep(POLL);
            }
        }
        if (seen.size() < count) {
            throw new AssertionError("expected at least " + count + " record(s) on " + topic + " within " + timeout
                    + (assigned ? "" : " (the topic does not exist)") + ", saw " + seen.size() + describe(seen));
        }
        return seen;
    }

    /** Returns everything on {@code topic}, once no new record arrived for {@code quiet}. */
    public List<ConsumerRecord<String, byte[]>> drain(String topic, Duration quiet) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        boolean assigned = false;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            assigned = assigned || assignFromBeginning(topic);
            if (!assigned) {
                sleep(POLL);
                continue;
            }
            int before = seen.size();
            consumer.poll(POLL).forEach(seen::add);
            if (seen.size() > before) {
                quietSince = System.nanoTime();
            }
        }
        return seen;
    }

    private boolean assignFromBeginning(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> topicPartitions = partitions.stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(topicPartitions);
        consumer.seekToBeginning(topicPartitions);
        return true;
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> "\n  " + record.topic() + "-" + record.partition() + "@" + record.offset()
                        + " key=" + record.key() + " value=" + preview(record.value()))
                .collect(Collectors.joining("", records.isEmpty() ? "" : ":", ""));
    }

    private static String preview(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
