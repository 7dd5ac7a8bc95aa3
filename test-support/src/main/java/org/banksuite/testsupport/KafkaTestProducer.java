package org.banksuite.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends test records (String keys, byte[] values) and waits for each to be acknowledged. */
public final class KafkaTestProducer implements AutoCloseable {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestProducer(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** @param clientProperties how to authenticate to a secured broker ({@code security.protocol}, {@code sasl.*}) */
    public KafkaTestProducer(String bootstrapServers, Map<String, String> clientProperties) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        config.putAll(clientProperties);
        this.producer = new KafkaProducer<>(config);
    }

    /** Sends the record and returns once the broker acknowledged it. */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("sending to " + record.topic() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
