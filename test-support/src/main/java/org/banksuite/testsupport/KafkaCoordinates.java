package org.banksuite.testsupport;

/**
 * Where a test's Kafka topics live: the shared broker, and a prefix that makes this test class's
 * topics its own.
 */
public record KafkaCoordinates(String bootstrapServers, String topicPrefix) {

    /** The prefixed name of a topic, e.g. {@code topic("accounts.events")}. */
    public String topic(String name) {
        return topicPrefix + name;
    }
}
