package org.banksuite.launcher.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The settings of a consumer that reads the suite's topics as the read-only observer: a group of its own (the
 * observer's ACLs admit groups named {@code suite-observer...}), nothing committed, only committed records, topics
 * never created by reading them; keys as text, values as bytes.
 */
public final class ObserverConsumers {

    private ObserverConsumers() {
    }

    /**
     * @param bootstrapServers e.g. {@code 127.0.0.1:9092}
     * @param clientProperties how to authenticate ({@code security.protocol}, {@code sasl.*}), e.g. the local stack's
     *                         {@code .suite/kafka/suite-observer.properties}; empty for a plaintext broker
     * @param purpose          the middle of the group's name, e.g. {@code census}
     */
    public static Map<String, Object> config(String bootstrapServers, Map<String, String> clientProperties,
                                             String purpose) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "suite-observer-" + purpose + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        return config;
    }
}
