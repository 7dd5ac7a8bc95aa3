package org.banksuite.launcher.demo;

/**
 * Where a running suite answers: the services a BFF and support staff call, and the broker a reconciliation job
 * reads. The demo gets them from {@code SUITE_*_PORT}; the end-to-end tests from the processes they started.
 *
 * @param topicPrefix put in front of every topic name ({@code ""} in the local stack)
 */
public record SuiteEndpoints(String accountsUrl, String transfersUrl, String simulatorUrl, String adapterUrl,
                             String kafkaBootstrapServers, String topicPrefix, String reconciliationUrl) {

    public String topic(String name) {
        return topicPrefix + name;
    }

    public String describe() {
        return "accounts-service " + accountsUrl + ", transfers-service " + transfersUrl + ", partner-bank-adapter "
                + adapterUrl + ", partner core (simulator) " + simulatorUrl + ", reconciliation-service "
                + reconciliationUrl + ", Kafka " + kafkaBootstrapServers
                + (topicPrefix.isEmpty() ? "" : " (topic prefix " + topicPrefix + ")");
    }
}
