package org.banksuite.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.TestInfrastructure;

/**
 * The story tests' topics on the test JVM's real broker (test-support), under a prefix of their own and with three
 * partitions each, so that reading only the entity's partition is put to the test; and events of the suite's real
 * types, published as the services publish them ({@link CloudEventsKafka#toRecord}).
 */
final class TopicEvents implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final String prefix;
    private final KafkaTestProducer producer;

    private TopicEvents(String prefix, KafkaTestProducer producer) {
        this.prefix = prefix;
        this.producer = producer;
    }

    /** Creates the four topics under a fresh prefix. */
    static TopicEvents created() throws ExecutionException, InterruptedException {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String prefix = infrastructure.newTopicPrefix("story");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS,
                    Topics.RECONCILIATION_EVENTS).stream()
                    .map(topic -> new NewTopic(prefix + topic, PARTITIONS, (short) 1)).toList()).all().get();
        }
        return new TopicEvents(prefix, new KafkaTestProducer(infrastructure.kafkaBootstrapServers()));
    }

    String prefix() {
        return prefix;
    }

    /** Publishes {@code event} on {@code topic} as {@code source} would, with the given id, time and trace. */
    void publish(String topic, String source, String id, Instant time, long sequence, String traceId,
                 IntegrationEvent event) {
        EventEnvelope envelope = EventEnvelope.of(id, source, time, sequence, event)
                .withTracing(null, null, traceId == null ? null : "00-" + traceId + "-00f067aa0ba902b7-01");
        producer.send(CloudEventsKafka.toRecord(prefix + topic, envelope));
    }

    static AccountOpened accountOpened(String accountId, Instant at) {
        return new AccountOpened(accountId, "customer-1", "DKK", "PERSONAL", at);
    }

    static CoreAccountOpened coreAccountOpened(String accountId, Instant at) {
        return new CoreAccountOpened(accountId, "5301", "0004817263", at);
    }

    static ReconciliationMismatchDetected mismatch(String mismatchId, String accountId, String reference, Instant at) {
        return new ReconciliationMismatchDetected(mismatchId, "STUCK_TRANSFER", accountId, reference, null, null, at);
    }

    static TransferRequested transferRequested(String transferId, String debtor, String creditor, Instant at) {
        return new TransferRequested(transferId, debtor, Creditor.suiteAccount(creditor),
                Amount.of(new BigDecimal("12.50"), "DKK"), "rent", "rent", LocalDate.of(2026, 12, 1), at);
    }

    static FundsReserved fundsReserved(String accountId, String transferId, Instant at) {
        return new FundsReserved(accountId, transferId, Amount.of(new BigDecimal("12.50"), "DKK"), at);
    }

    static CorePaymentAccepted corePaymentAccepted(String transferId, Instant at) {
        return new CorePaymentAccepted(transferId, "core-ref-1", at);
    }

    @Override
    public void close() {
        producer.close();
    }
}
