package org.banksuite.transfers.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.OpenApiTraffic;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what on the transfers API, with real tokens through the real door (service-security's README): a customer
 * sends from and reads their own accounts and transfers only, and another customer's answer as unknown ones do
 * (BOLA), with nothing stored and nothing published; support asks for resolutions and nothing else, recorded under
 * its token's subject whatever header it sends; no token, no entry. The test plays accounts-service on
 * {@code accounts.events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/transfers-v1.yaml,openapi/ops-v1.yaml")
class AuthorizationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ALICE = "alice-" + UUID.randomUUID();
    private static final String BOB = "bob-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;

    private final TestIssuer issuer = TestIssuer.get();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaTestProducer accountsService;

    @BeforeEach
    void connect() {
        accountsService = new KafkaTestProducer(bootstrapServers);
    }

    @AfterEach
    void trafficMatchesTheSpecs() {
        accountsService.close();
        OpenApiTraffic.assertNoMismatch();
    }

    @Test
    void refusesToSendFromAnotherCustomersAccountAsFromAnUnknownOneAndStoresAndPublishesNothing() throws Exception {
        UUID alices = activeAccount(ALICE);
        long storedBefore = storedTransferEvents();

        HttpResponse<String> bobFromAlices = post("/v1/transfers", issuer.customer(BOB), transfer(alices));
        HttpResponse<String> bobFromNowhere = post("/v1/transfers", issuer.customer(BOB), transfer(UUID.randomUUID()));

        assertProblem(bobFromAlices, 422, "debtor-account-unknown");
        assertProblem(bobFromNowhere, 422, "debtor-account-unknown");
        assertThat(bobFromAlices.body().replaceAll("[0-9a-f-]{36}", "<id>"))
                .isEqualTo(bobFromNowhere.body().replaceAll("[0-9a-f-]{36}", "<id>"));
        assertThat(storedTransferEvents()).isEqualTo(storedBefore);
        assertThat(recordsMentioning(topics.transfersEvents(), alices)).isEmpty();
    }

    @Test
    void hidesAnotherCustomersTransferAndAccountListAsUnknownOnes() throws Exception {
        UUID alices = activeAccount(ALICE);
        String transfer = created(post("/v1/transfers", issuer.customer(ALICE), transfer(alices)));
        await().atMost(PATIENCE)
                .until(() -> get("/v1/transfers/" + transfer, issuer.customer(ALICE)).statusCode() == 200);
        assertThat(get("/v1/accounts/" + alices + "/transfers", issuer.customer(ALICE)).body()).contains(transfer);

        assertProblem(get("/v1/transfers/" + transfer, issuer.customer(BOB)), 404, "transfer-not-found");
        assertProblem(get("/v1/transfers/" + UUID.randomUUID(), issuer.customer(BOB)), 404, "transfer-not-found");
        assertProblem(get("/v1/accounts/" + alices + "/transfers", issuer.customer(BOB)), 404, "not-found");
        assertProblem(get("/v1/accounts/" + UUID.randomUUID() + "/transfers", issuer.customer(BOB)), 404,
                "not-found");
    }

    @Test
    void keepsEachCustomersIdempotencyKeysApart() throws Exception {
        UUID alices = activeAccount(ALICE);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> alicesAnswer = post("/v1/transfers", issuer.customer(ALICE), transfer(alices), key);
        assertThat(alicesAnswer.statusCode()).isEqualTo(202);
        long storedAfterAlice = storedTransferEvents();

        HttpResponse<String> bobsRepeat = post("/v1/transfers", issuer.customer(BOB), transfer(alices), key);

        assertProblem(bobsRepeat, 422, "debtor-account-unknown");
        assertThat(bobsRepeat.body()).doesNotContain(created(alicesAnswer));
        assertThat(storedTransferEvents()).isEqualTo(storedAfterAlice);
    }

    @Test
    void refusesTheCustomerApiToSupportAndResolutionsToCustomersWith403AndChangesNothing() throws Exception {
        UUID alices = activeAccount(ALICE);
        String transfer = reservedTransfer(alices);
        long storedBefore = storedTransferEvents();

        assertProblem(post("/v1/transfers", issuer.support(), transfer(alices)), 403, "forbidden");
        assertProblem(get("/v1/transfers/" + transfer, issuer.supportLead()), 403, "forbidden");
        assertProblem(get("/v1/accounts/" + alices + "/transfers", issuer.support()), 403, "forbidden");
        assertProblem(post("/ops/v1/transfers/" + transfer + "/resolution", issuer.customer(ALICE),
                "{\"reason\": \"let me\"}"), 403, "forbidden");

        assertThat(storedTransferEvents()).isEqualTo(storedBefore);
        assertThat(auditedActors(transfer)).isEmpty();
    }

    @Test
    void refusesEveryOperationWithoutAValidTokenWith401AndChangesNothing() throws Exception {
        UUID alices = activeAccount(ALICE);
        String transfer = reservedTransfer(alices);
        long storedBefore = storedTransferEvents();
        String expired = issuer.expired(ALICE, List.of("customer"), TestIssuer.CUSTOMER_AUDIENCES);

        for (String token : new String[] {null, expired, issuer.token(ALICE, List.of("customer"),
                List.of("accounts-service"))}) {
            assertProblem(post("/v1/transfers", token, transfer(alices)), 401, "unauthorized");
            assertProblem(get("/v1/transfers/" + transfer, token), 401, "unauthorized");
            assertProblem(get("/v1/accounts/" + alices + "/transfers", token), 401, "unauthorized");
            assertProblem(post("/ops/v1/transfers/" + transfer + "/resolution", token, "{\"reason\": \"x\"}"), 401,
                    "unauthorized");
        }
        assertThat(storedTransferEvents()).isEqualTo(storedBefore);
        assertThat(auditedActors(transfer)).isEmpty();
    }

    @Test
    void auditsAResolutionUnderTheTokensSubjectAndIgnoresASupportUserHeader() throws Exception {
        String transfer = reservedTransfer(activeAccount(ALICE));

        HttpResponse<String> answer = http.send(request("/ops/v1/transfers/" + transfer + "/resolution",
                issuer.support("support.carol")).header("X-Support-User", "someone-else")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"customer called\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(auditedActors(transfer)).containsExactly("support.carol");
    }

    @Test
    void refusesTheCursorOfAnotherAccountsList() throws Exception {
        UUID first = activeAccount(ALICE);
        UUID second = activeAccount(ALICE);
        for (UUID account : List.of(first, first, second, second)) {
            created(post("/v1/transfers", issuer.customer(ALICE), transfer(account)));
        }
        await().atMost(PATIENCE).until(() -> listed(first) == 2 && listed(second) == 2);
        String firstsCursor = nextCursor(get("/v1/accounts/" + first + "/transfers?limit=1", issuer.customer(ALICE)));

        assertProblem(get("/v1/accounts/" + second + "/transfers?limit=1&cursor=" + firstsCursor,
                issuer.customer(ALICE)), 422, "invalid-request");
        assertThat(get("/v1/accounts/" + first + "/transfers?limit=1&cursor=" + firstsCursor, issuer.customer(ALICE))
                .statusCode()).isEqualTo(200);
        assertProblem(get("/v1/accounts/" + first + "/transfers?limit=201", issuer.customer(ALICE)), 422,
                "invalid-request");
    }

    private UUID activeAccount(String customerId) {
        UUID account = UUID.randomUUID();
        accountsSay(new AccountOpened(account.toString(), customerId, "DKK", "PERSONAL", Instant.now()), 0);
        accountsSay(new AccountActivated(account.toString(), "1234",
                Long.toString(Math.abs(account.getLeastSignificantBits() % 1_000_000L)), Instant.now()), 1);
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(jdbc.query(
                "select status from account_replica where account_id = ?", (rs, row) -> rs.getString(1),
                account.toString()).stream().findFirst().orElse(null)));
        return account;
    }

    private String reservedTransfer(UUID debtor) throws Exception {
        String transfer = created(post("/v1/transfers", issuer.customer(ALICE), transfer(debtor)));
        accountsSay(new FundsReserved(debtor.toString(), transfer, new Amount("25.00", "DKK"), Instant.now()), 2);
        await().atMost(PATIENCE).until(() -> get("/v1/transfers/" + transfer, issuer.customer(ALICE)).body()
                .contains("\"FUNDS_RESERVED\""));
        return transfer;
    }

    private static String transfer(UUID debtor) {
        return """
                {"debtorAccountId": "%s", "creditor": {"registrationNumber": "9999", "accountNumber": "1234567"},
                 "amount": {"amount": "25.00", "currency": "DKK"}, "debtorText": "rent", "creditorText": "rent"}"""
                .formatted(debtor);
    }

    private static String created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return answer.body().replaceAll("(?s).*\"transferId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private int listed(UUID account) throws Exception {
        return get("/v1/accounts/" + account + "/transfers", issuer.customer(ALICE)).body().split("\"transferId\"")
                .length - 1;
    }

    private static String nextCursor(HttpResponse<String> page) {
        assertThat(page.body()).contains("\"nextCursor\"");
        return page.body().replaceAll("(?s).*\"nextCursor\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private long storedTransferEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry where type = 'Transfer'", Long.class);
    }

    private List<String> auditedActors(String transfer) {
        return jdbc.queryForList("select support_user from support_audit where sequence_id = ? order by id",
                String.class, transfer);
    }

    private void accountsSay(IntegrationEvent event, long sequence) {
        accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), "/accounts-service", Instant.now(), sequence, event)));
    }

    /** Every record on {@code topic} within a few quiet seconds whose key or value names {@code id}. */
    private List<ConsumerRecord<String, byte[]>> recordsMentioning(String topic, UUID id) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "authorization-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.toString().equals(record.key()) || new String(record.value()).contains(id.toString())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return post(path, token, json, UUID.randomUUID().toString());
    }

    private HttpResponse<String> post(String path, String token, String json, String idempotencyKey)
            throws Exception {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"urn:banksuite:problem:" + type + "\"");
    }
}
