package org.banksuite.bench.suite;

import org.banksuite.launcher.demo.ObserverConsumers;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.banksuite.bench.load.Submission;
import org.banksuite.events.CloudEventsKafka;

/**
 * Watches {@code transfers.events} as the read-only observer and completes each transfer's future when its
 * {@code transfers.TransferBooked.v1} or {@code transfers.TransferRejected.v1} arrives. The transfer is the record's
 * {@code ce_subject} (the key when absent); its completion time is the event's {@code ce_time} (when the transfer
 * aggregate applied it), or the record's timestamp when {@code ce_time} is missing or unreadable. Reads from the
 * topic's end at {@link #start()}, committed records only, without committing offsets.
 */
public final class TransferEvents implements AutoCloseable {

    static final String BOOKED = "transfers.TransferBooked.v1";
    static final String REJECTED = "transfers.TransferRejected.v1";

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Map<String, CompletableFuture<Submission.Completion>> completions = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CompletableFuture<Void> assigned = new CompletableFuture<>();
    private Thread poller;
    private volatile long recordTimestampsUsed;

    /**
     * @param clientProperties the observer's settings ({@code .suite/kafka/suite-observer.properties})
     */
    public TransferEvents(String bootstrapServers, Map<String, String> clientProperties, String topic) {
        Map<String, Object> config = ObserverConsumers.config(bootstrapServers, clientProperties, "bench");
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
    }

    /** Starts reading from the topic's end; returns once positioned, so every later event is seen. */
    public TransferEvents start() {
        poller = Thread.ofPlatform().name("bench-transfer-events").daemon().start(this::poll);
        assigned.join();
        return this;
    }

    /** The future of the transfer's completion (one per transfer id, whoever asks first). */
    public CompletableFuture<Submission.Completion> completionOf(String transferId) {
        return completions.computeIfAbsent(transferId, id -> new CompletableFuture<>());
    }

    /** Forgets a transfer (after its run), so that the map does not grow across rates. */
    public void forget(String transferId) {
        completions.remove(transferId);
    }

    /** How many completions took the record's timestamp because {@code ce_time} was missing. */
    public long recordTimestampsUsed() {
        return recordTimestampsUsed;
    }

    private void poll() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            assigned.complete(null);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handle(record);
                }
            }
        } catch (WakeupException closing) {
            // close() was called
        } catch (RuntimeException e) {
            assigned.completeExceptionally(e);
            throw e;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String type = CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE);
        boolean booked = BOOKED.equals(type);
        if (!booked && !REJECTED.equals(type)) {
            return;
        }
        String subject = CloudEventsKafka.header(record.headers(), CloudEventsKafka.SUBJECT);
        String transferId = subject != null ? subject : record.key();
        if (transferId != null) {
            completionOf(transferId).complete(new Submission.Completion(booked, timeOf(record)));
        }
    }

    private Instant timeOf(ConsumerRecord<String, byte[]> record) {
        String time = CloudEventsKafka.header(record.headers(), CloudEventsKafka.TIME);
        if (time != null) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (RuntimeException unreadable) {
                // fall through to the record's timestamp
            }
        }
        recordTimestampsUsed++;
        return Instant.ofEpochMilli(record.timestamp());
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        if (poller != null) {
            try {
                poller.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
