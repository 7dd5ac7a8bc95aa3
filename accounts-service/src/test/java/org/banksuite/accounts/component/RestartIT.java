package org.banksuite.accounts.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.accounts.AccountsApplication;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.invoker.ApiClient;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.Topics;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.testsupport.TestIssuer;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/** The service stops and starts again on the same database and broker: state, processors and the topic resume. */
class RestartIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final TestDatabase database = infrastructure.newDatabase("restart");
    private final String prefix = infrastructure.newTopicPrefix("restart");

    @Test
    void restoresAnAccountFromItsSnapshotWithEveryInvariantIntact() {
        try (KafkaTestProducer producer = new KafkaTestProducer(infrastructure.kafkaBootstrapServers())) {
            UUID id;
            try (ConfigurableApplicationContext first = start()) {
                AccountsApi api = client(first, "s-1");
                id = api.openAccount(UUID.randomUUID().toString(), new OpenAccountRequest()
                        .customerId("s-1").currency(Currency.DKK).recordType(RecordType.PERSONAL)).getAccountId();
                core(producer, new CoreAccountOpened(id.toString(), "1234", "7", Instant.now()));
                for (int i = 1; i <= 4; i++) {
                    core(producer, posting(id, "entry-" + i, "10.00"));
                }
                await(api, id, a -> a.getBookedBalance().getAmount().equals("40.00"));
                JdbcTemplate jdbc = new JdbcTemplate(first.getBean(javax.sql.DataSource.class));
                assertThat(jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?",
                        Long.class, id.toString())).isPositive();
            }
            try (ConfigurableApplicationContext second = start()) {
                AccountsApi api = client(second, "s-1"); // the owner, as the snapshot restores it, blocks
                core(producer, posting(id, "entry-2", "10.00"));
                core(producer, posting(id, "entry-5", "0.01"));
                await(api, id, a -> a.getBookedBalance().getAmount().equals("40.01"));
                api.blockAccount(id, new org.banksuite.api.accounts.client.model.BlockRequest().reason("snapshot check"));
                await(api, id, a -> a.getStatus().getValue().equals("BLOCKED"));
            }
        }
    }

    private static CorePostingEntryBooked posting(UUID id, String entryId, String amount) {
        return new CorePostingEntryBooked(id.toString(), entryId, new Amount(amount, "DKK"), "incoming", null, Instant.now());
    }

    @Test
    void resumesWhereItStoppedWithNoEventMissingOnTheTopic() {
        List<UUID> ids = new ArrayList<>();
        try (KafkaTestProducer producer = new KafkaTestProducer(infrastructure.kafkaBootstrapServers())) {
            try (ConfigurableApplicationContext first = start()) {
                AccountsApi api = client(first, "r-1");
                for (int i = 0; i < 3; i++) {
                    ids.add(api.openAccount(UUID.randomUUID().toString(), new OpenAccountRequest()
                            .customerId("r-1").currency(Currency.DKK).recordType(RecordType.PERSONAL)).getAccountId());
                }
                ids.forEach(id -> core(producer, new CoreAccountOpened(id.toString(), "1234", "1", Instant.now())));
                ids.forEach(id -> await(api, id, a -> a.getStatus().getValue().equals("ACTIVE")));
            }
            ids.forEach(id -> core(producer, new CorePostingEntryBooked(id.toString(), "e-" + id, new Amount("10.00", "DKK"),
                    "while it was down", null, Instant.now())));

            try (ConfigurableApplicationContext second = start()) {
                AccountsApi api = client(second, "r-1");
                ids.forEach(id -> await(api, id, a -> a.getBookedBalance().getAmount().equals("10.00")));
                api.blockAccount(ids.getFirst(), new org.banksuite.api.accounts.client.model.BlockRequest().reason("after restart"));
                await(api, ids.getFirst(), a -> a.getStatus().getValue().equals("BLOCKED"));

                JdbcTemplate jdbc = new JdbcTemplate(second.getBean(javax.sql.DataSource.class));
                long stored = jdbc.queryForObject("select count(*) from domainevententry where type = 'Account'", Long.class);
                assertThat(stored).isEqualTo(3 * 3 + 1);
                assertThat(jdbc.queryForObject("select count(*) from snapshotevententry", Long.class)).isPositive();
                assertEveryEventPublishedInOrder(ids, stored);
            }
        }
    }

    /**
     * Delivery is at least once: a stop between the broker's acknowledgement and the processor's token update
     * publishes an event again, with the same ce_id. What must hold is that every stored event is on the topic and
     * that, per account, the sequence numbers appear in order without gaps.
     */
    private void assertEveryEventPublishedInOrder(List<UUID> ids, long stored) {
        try (TopicReader topic = new TopicReader(infrastructure.kafkaBootstrapServers(), prefix + Topics.ACCOUNTS_EVENTS)) {
            topic.await(record -> true, (int) stored, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records = topic.settle(record -> true, Duration.ofSeconds(1));
            Map<String, Long> sequenceById = new java.util.HashMap<>();
            Map<String, List<Long>> firstSeenSequences = new java.util.HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                String eventId = CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID);
                long sequence = Long.parseLong(CloudEventsKafka.header(record.headers(), CloudEventsKafka.SEQUENCE));
                Long earlier = sequenceById.putIfAbsent(eventId, sequence);
                if (earlier == null) {
                    firstSeenSequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(sequence);
                } else {
                    assertThat(sequence).as("a repeated event keeps its sequence").isEqualTo(earlier);
                }
            }
            assertThat(sequenceById).hasSize((int) stored);
            for (UUID id : ids) {
                int count = id.equals(ids.getFirst()) ? 4 : 3;
                assertThat(firstSeenSequences.get(id.toString())).containsExactlyElementsOf(
                        LongStream.range(0, count).boxed().toList());
            }
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--suite.topics.prefix=" + prefix,
                "--accounts.snapshot-threshold=3"));
        arguments.addAll(List.of(TestIssuer.get().springArguments()));
        return new SpringApplicationBuilder(AccountsApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The API as the BFF of {@code customerId} calls it. */
    private static AccountsApi client(ConfigurableApplicationContext context, String customerId) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new AccountsApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(TestIssuer.bearer(TestIssuer.get().customer(customerId))).build())
                .setBasePath("http://localhost:" + port));
    }

    private void core(KafkaTestProducer producer, org.banksuite.events.IntegrationEvent event) {
        producer.send(CloudEventsKafka.toRecord(prefix + Topics.PARTNER_BANK_EVENTS,
                EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 0, event)));
    }

    private static void await(AccountsApi api, UUID id, java.util.function.Predicate<Account> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> api.getAccount(id, null), condition::test);
    }
}
