package org.banksuite.launcher.demo;

import java.util.Map;

/**
 * Where a running suite answers: the services a BFF and support staff call, and the broker a reconciliation job
 * reads. The demo gets them from {@code SUITE_*_PORT}; the end-to-end tests from the processes they started.
 *
 * @param topicPrefix           put in front of every topic name ({@code ""} in the local stack)
 * @param kafkaClientProperties how a reader authenticates to the broker ({@code security.protocol},
 *                              {@code sasl.mechanism}, {@code sasl.jaas.config}); empty for a plaintext broker
 */
public record SuiteEndpoints(String accountsUrl, String transfersUrl, String simulatorUrl, String adapterUrl,
                             String kafkaBootstrapServers, String topicPrefix, String reconciliationUrl,
                             Map<String, String> kafkaClientProperties) {

    public SuiteEndpoints {
        kafkaClientProperties = Map.copyOf(kafkaClientProperties);
    }

    /** A suite whose broker needs no credentials. */
    public SuiteEndpoints(String accountsUrl, String transfersUrl, String simulatorUrl, String adapterUrl,
                          String kafkaBootstrapServers, String topicPrefix, String reconciliationUrl) {
        this(accountsUrl, transfersUrl, simulatorUrl, adapterUrl, kafkaBootstrapServers, topicPrefix, reconciliationUrl,
                Map.of());
    }

    public String topic(String name) {
        return topicPrefix + name;
    }

    public String describe() {
        return "accounts-service " + accountsUrl + ", transfers-service " + transfersUrl + ", partner-bank-adapter "
                + adapterUrl + ", partner core (simulator) " + simulatorUrl + ", reconciliation-service "
                + reconciliationUrl + ", Kafka " + kafkaBootstrapServers
                + (topicPrefix.isEmpty() ? "" : " (topic prefix " + topicPrefix + ")")
                + (kafkaClientProperties.isEmpty() ? "" : " (as " + user(kafkaClientProperties) + ")");
    }

    private static String user(Map<String, String> kafkaClientProperties) {
        String jaas = kafkaClientProperties.getOrDefault("sasl.jaas.config", "");
        int start = jaas.indexOf("username=\"");
        return start < 0 ? "a SASL user" : jaas.substring(start + 10, jaas.indexOf('"', start + 10));
    }

    @Override
    public String toString() { // never the password
        return "SuiteEndpoints[" + describe() + "]";
    }
}
