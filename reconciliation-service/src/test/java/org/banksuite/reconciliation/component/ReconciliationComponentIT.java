package org.banksuite.reconciliation.component;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchResolved;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.banksuite.events.PublishedEventSchemas;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running job on a real PostgreSQL and a real Kafka broker, fed the three topics as accounts-service,
 * transfers-service and the partner-bank adapter publish them, and read as a reconciliation team reads it: the
 * events on {@code reconciliation.events}, the REST API, the Prometheus gauges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reconciliation.grace-period=PT3S", "reconciliation.check-interval=PT0.5S"})
@RealInfrastructure
class ReconciliationComponentIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GROUP = "reconciliation-service";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${suite.topics.prefix}")
    String prefix;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    JsonHttp http;
    KafkaTestProducer producer;
    String account;
    long sequence;

    @BeforeEach
    void connect() {
        http = new JsonHttp("http://localhost:" + port);
        producer = new KafkaTestProducer(bootstrapServers);
        account = UUID.randomUUID().toString();
        accounts(new AccountOpened(account, "c-1", "DKK", "PERSONAL", Instant.now()));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void findsNothingWrongInAConsistentStory() {
        String transfer = UUID.randomUUID().toString();
        core(new CorePostingEntryBooked(account, "17", dkk("100.00"), "salary", null, Instant.now()));
        accounts(new PostingBooked(account, "core:17", dkk("100.00"), "salary", null, dkk("100.00"), Instant.now()));
        transfers(new TransferRequested(transfer, account, new Creditor(null, "1234", "5678"), dkk("40.00"), "rent",
                "rent", null, Instant.now()));
        accounts(new FundsReserved(account, transfer, dkk("40.00"), Instant.now()));
        transfers(new TransferBooked(transfer, account, null, dkk("40.00"), "rent", "rent", Instant.now()));
        accounts(new PostingBooked(account, transfer + "/debit", dkk("-40.00"), "rent", transfer, dkk("60.00"),
                Instant.now()));
        core(new CorePostingEntryBooked(account, "18", dkk("-40.00"), "rent", transfer, Instant.now()));

        JsonNode position = await().atMost(PATIENCE).until(() -> get(positionOf(account)).expect(200).json(),
                json -> json.path("reconciledPostings").asLong() == 2);

        assertThat(position.path("reconciledBalance").asString()).isEqualTo("60.00");
        assertThat(position.path("coreBalance").asString()).isEqualTo("60.00");
        assertThat(position.path("openMismatches").asInt()).isZero();
        assertThat(get("/v1/mismatches?accountId=" + account).expect(200).json().path("items")).isEmpty();
    }

    /** What a crash before the offsets were committed (kill -9) leads to, at its worst: every record read again. */
    @Test
    void countsNothingTwiceWhenEveryRecordIsDeliveredAgain() throws Exception {
        core(new CorePostingEntryBooked(account, "31", dkk("70.00"), "salary", null, Instant.now()));
        accounts(new PostingBooked(account, "core:31", dkk("70.00"), "salary", null, dkk("70.00"), Instant.now()));
        await().atMost(PATIENCE).until(() -> get(positionOf(account)).expect(200).json(),
                json -> json.path("reconciledPostings").asLong() == 1);
        double redeliveredBefore = redelivered();

        MessageListenerContainer streams = listeners.getListenerContainer("reconciliation-streams");
        streams.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> fromTheStart = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get().keySet().stream()
                    .filter(partition -> partition.topic().startsWith(prefix))
                    .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(GROUP, fromTheStart).all().get();
        }
        streams.start();

        await().atMost(PATIENCE).until(() -> redelivered() >= redeliveredBefore + 3);
        JsonNode position = get(positionOf(account)).expect(200).json();
        assertThat(position.path("postings").asLong()).isEqualTo(1);
        assertThat(position.path("coreEntries").asLong()).isEqualTo(1);
        assertThat(position.path("coreBalance").asString()).isEqualTo("70.00");
        assertThat(position.path("suiteBookedBalance").asString()).isEqualTo("70.00");
        assertThat(get("/v1/mismatches?accountId=" + account).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void publishesAHiddenCoreDebitOnceAndResolvesItWhenTheSuiteBooksIt() {
        core(new CorePostingEntryBooked(account, "99", dkk("-25.00"), "card", "NETBANK-99", Instant.now()));

        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            ReconciliationMismatchDetected detected = (ReconciliationMismatchDetected) await().atMost(PATIENCE)
                    .until(() -> mismatchEvents(probe), events -> !events.isEmpty()).getFirst();
            assertThat(detected.kind()).isEqualTo("UNBOOKED_CORE_ENTRY");
            assertThat(detected.reference()).isEqualTo("NETBANK-99/debit");
            assertThat(detected.coreAmount()).isEqualTo(dkk("-25.00"));
            JsonNode listed = get("/v1/mismatches?kind=UNBOOKED_CORE_ENTRY&accountId=" + account).expect(200)
                    .json().path("items");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("mismatchId").asString()).isEqualTo(detected.mismatchId());
            assertThat(listed.get(0).path("coreAmount").path("amount").asString()).isEqualTo("-25.00");
            assertThat(openGauge("UNBOOKED_CORE_ENTRY")).isEqualTo("1.0");

            accounts(new PostingBooked(account, "NETBANK-99/debit", dkk("-25.00"), "card", null, dkk("-25.00"),
                    Instant.now()));

            List<IntegrationEvent> events = await().atMost(PATIENCE).until(() -> mismatchEvents(probe),
                    all -> all.size() >= 2);
            assertThat(events.get(1)).isInstanceOfSatisfying(ReconciliationMismatchResolved.class,
                    resolved -> assertThat(resolved.mismatchId()).isEqualTo(detected.mismatchId()));
            await().atMost(PATIENCE).until(() -> get("/v1/mismatches").expect(200).json().path("items").isEmpty());
            await().atMost(PATIENCE).until(() -> openGauge("UNBOOKED_CORE_ENTRY"), "0.0"::equals);
            assertThat(probe.drain(topic(), Duration.ofSeconds(3))).hasSize(2);
        }
    }

    @Test
    void publishesRecordsThatSatisfyTheirSchemas() {
        accounts(new PostingBooked(account, "core:55", dkk("10.00"), "fee refund", null, dkk("10.00"), Instant.now()));

        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            await().atMost(PATIENCE).until(() -> mismatchEvents(probe), events -> events.size() == 1);
            core(new CorePostingEntryBooked(account, "55", dkk("10.00"), "fee refund", null, Instant.now()));
            await().atMost(PATIENCE).until(() -> mismatchEvents(probe), events -> events.size() == 2);

            for (ConsumerRecord<String, byte[]> record : probe.drain(topic(), Duration.ofSeconds(1))) {
                assertThat(PublishedEventSchemas.violations(record)).isEmpty();
                assertThat(CloudEventsKafka.header(record.headers(), CloudEventsKafka.SOURCE))
                        .isEqualTo("/reconciliation-service");
            }
        }
    }

    @Test
    void answersProblemsForAnUnknownAccountAndABadCursor() {
        JsonNode notFound = get(positionOf(UUID.randomUUID().toString())).expect(404).json();
        JsonNode badCursor = get("/v1/mismatches?cursor=bm90LW91cnM").expect(422).json();
        JsonNode badLimit = get("/v1/mismatches?limit=0").expect(422).json();

        assertThat(notFound.path("type").asString()).isEqualTo("urn:banksuite:problem:account-not-found");
        assertThat(badCursor.path("type").asString()).isEqualTo("urn:banksuite:problem:invalid-request");
        assertThat(badLimit.path("type").asString()).isEqualTo("urn:banksuite:problem:invalid-request");
    }

    @Test
    void refusesCallersWithoutASupportTokenAndLetsSupportLeadsIn() {
        TestIssuer issuer = TestIssuer.get();
        String reconciliation = "reconciliation-service";

        assertProblem(as(null, "/v1/mismatches"), 401, "unauthorized");
        assertProblem(as(null, positionOf(account)), 401, "unauthorized");
        assertProblem(as(issuer.customer("c-1"), "/v1/mismatches"), 401, "unauthorized");
        assertProblem(as(issuer.expired("support-agent", List.of("support"), List.of(reconciliation)),
                "/v1/mismatches"), 401, "unauthorized");
        assertProblem(as(issuer.token("c-1", List.of("customer"), List.of(reconciliation)), "/v1/mismatches"), 403,
                "forbidden");
        assertProblem(as(issuer.token("c-1", List.of("customer"), List.of(reconciliation)), positionOf(account)), 403,
                "forbidden");
        assertProblem(as(issuer.token("operator", List.of("admin"), List.of(reconciliation)), "/v1/mismatches"), 403,
                "forbidden");
        assertProblem(as(null, "/actuator/prometheus"), 401, "unauthorized");

        assertThat(as(issuer.supportLead(), "/v1/mismatches").expect(200).json().path("items").isArray()).isTrue();
        assertThat(as(issuer.support(), "/actuator/prometheus").expect(200).body()).contains("reconciliation_");
    }

    @Test
    void reportsReadinessAndLiveness() {
        assertThat(http.get("/actuator/health/readiness").expect(200).json().path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").expect(200).json().path("status").asString()).isEqualTo("UP");
    }

    /** A GET as support staff, as support's tools call the API. */
    private JsonHttp.Answer get(String path) {
        return as(TestIssuer.get().support(), path);
    }

    /** A GET with this bearer token, or none. */
    private JsonHttp.Answer as(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new JsonHttp.Answer(http.sendRaw(request));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(JsonHttp.Answer answer, int status, String type) {
        answer.expect(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:banksuite:problem:" + type);
    }

    /** The events about this test's account on reconciliation.events, in order. */
    private List<IntegrationEvent> mismatchEvents(KafkaTopicProbe probe) {
        return probe.drain(topic(), Duration.ofMillis(500)).stream()
                .map(CloudEventsKafka::fromRecord).map(EventEnvelope::event)
                .filter(event -> account.equals(event instanceof ReconciliationMismatchDetected detected
                        ? detected.accountId() : ((ReconciliationMismatchResolved) event).accountId()))
                .toList();
    }

    private String openGauge(String kind) {
        return get("/actuator/prometheus").expect(200).body().lines()
                .filter(line -> line.startsWith("reconciliation_open_mismatches{") && line.contains("kind=\"" + kind + "\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElse("absent");
    }

    private double redelivered() {
        return get("/actuator/prometheus").expect(200).body().lines()
                .filter(line -> line.startsWith("reconciliation_records_redelivered_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private String topic() {
        return prefix + Topics.RECONCILIATION_EVENTS;
    }

    private static String positionOf(String accountId) {
        return "/v1/accounts/" + accountId + "/position";
    }

    private void accounts(IntegrationEvent event) {
        send(Topics.ACCOUNTS_EVENTS, "/accounts-service", sequence++, event);
    }

    private void transfers(IntegrationEvent event) {
        send(Topics.TRANSFERS_EVENTS, "/transfers-service", 0, event);
    }

    private void core(IntegrationEvent event) {
        send(Topics.PARTNER_BANK_EVENTS, "/partner-bank-adapter", 0, event);
    }

    private void send(String topic, String source, long sequence, IntegrationEvent event) {
        producer.send(CloudEventsKafka.toRecord(prefix + topic,
                EventEnvelope.of(UUID.randomUUID().toString(), source, Instant.now(), sequence, event)));
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
