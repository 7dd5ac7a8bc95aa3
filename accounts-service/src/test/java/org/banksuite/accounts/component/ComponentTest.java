package org.banksuite.accounts.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.invoker.ApiClient;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountAccepted;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.OpenApiTraffic;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;

import static org.awaitility.Awaitility.await;

/**
 * The running service on a real PostgreSQL and a real Kafka broker, called through the generated client as a
 * BFF would call it, and fed foreign events as the partner-bank adapter and transfers-service would send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/accounts-v1.yaml,openapi/ops-v1.yaml")
abstract class ComponentTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;

    AccountsApi accounts;
    KafkaTestProducer producer;
    TopicReader accountsTopic;

    @BeforeEach
    void connect() {
        accounts = new AccountsApi(new ApiClient().setBasePath("http://localhost:" + port));
        producer = new KafkaTestProducer(bootstrapServers);
        accountsTopic = new TopicReader(bootstrapServers, topics.accountsEvents());
    }

    /** Every exchange of the test matched the OpenAPI specs (statuses declared, bodies of the declared shape). */
    @AfterEach
    void trafficMatchesTheSpecs() {
        OpenApiTraffic.assertNoMismatch();
    }

    @AfterEach
    void disconnect() {
        producer.close();
        accountsTopic.close();
    }

    UUID open(String customerId, Currency currency) {
        AccountAccepted accepted = accounts.openAccount(UUID.randomUUID().toString(),
                new OpenAccountRequest().customerId(customerId).currency(currency).recordType(RecordType.PERSONAL));
        return accepted.getAccountId();
    }

    UUID openActive(String customerId, Currency currency) {
        UUID id = open(customerId, currency);
        coreSays(new CoreAccountOpened(id.toString(), "1234", accountNumberFor(id), Instant.now()));
        awaitAccount(id, account -> account.getStatus().getValue().equals("ACTIVE"));
        return id;
    }

    void credit(UUID accountId, String amount, Currency currency) {
        coreSays(new CorePostingEntryBooked(accountId.toString(), UUID.randomUUID().toString(),
                new org.banksuite.events.Amount(amount, currency.getValue()), "incoming payment", null, Instant.now()));
    }

    String coreSays(IntegrationEvent event) {
        return send(topics.partnerBankEvents(), "/partner-bank-adapter", event);
    }

    String transfersSay(IntegrationEvent event) {
        return send(topics.transfersEvents(), "/transfers-service", event);
    }

    String send(String topic, String source, IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        send(topic, EventEnvelope.of(id, source, Instant.now(), 0, event));
        return id;
    }

    void send(String topic, EventEnvelope envelope) {
        producer.send(CloudEventsKafka.toRecord(topic, envelope));
    }

    Account awaitAccount(UUID accountId, java.util.function.Predicate<Account> condition) {
        return await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> accounts.getAccount(accountId), condition);
    }

    List<ConsumerRecord<String, byte[]>> accountEvents(UUID accountId, int count) {
        return accountsTopic.await(record -> record.key().equals(accountId.toString()), count, PATIENCE);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventsKafka.header(record.headers(), name);
    }

    private static String accountNumberFor(UUID id) {
        return Long.toString(Math.abs(id.getMostSignificantBits() % 10_000_000_000L));
    }
}
