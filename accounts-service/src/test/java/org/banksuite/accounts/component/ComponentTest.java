package org.banksuite.accounts.component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The running service on a real PostgreSQL and a real Kafka broker, called through the generated client as a
 * BFF would call it, and fed foreign events as the partner-bank adapter and transfers-service would send them.
 *
 * <p>Every call carries a token of test-support's {@link TestIssuer}. {@link #accounts} is a BFF acting for whoever
 * the request is about: the owner of the account in the path (the customer it was opened for), the customer of a
 * customer path or of an opening's body, a support lead for unblocking and {@code /ops}; tests of who may do what
 * name the caller instead ({@link #accountsAs}, {@link #accountsWith}, {@link #bearer}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = {"suite.test.openapi-specs=openapi/accounts-v1.yaml,openapi/ops-v1.yaml",
        // a read's minVersion waits this long before 503 view-behind (2 s in service), short so the test of it is
        "banksuite.read-your-writes.max-wait=300ms"})
abstract class ComponentTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/v1/accounts/([^/]+)(/.*)?$");
    private static final Pattern CUSTOMER_PATH = Pattern.compile("^/v1/customers/([^/]+)/accounts$");
    /** The customers the tests opened accounts for, by account id (the view may not have them yet). */
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final TestIssuer issuer = TestIssuer.get();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;

    AccountsApi accounts;
    KafkaTestProducer producer;
    TopicReader accountsTopic;

    @BeforeEach
    void connect() {
        accounts = client(actingForWhomTheRequestIsAbout());
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

    /** The accounts API as the BFF of {@code customerId} calls it. */
    AccountsApi accountsAs(String customerId) {
        return accountsWith(issuer.customer(customerId));
    }

    /** The accounts API called with {@code token} (a support token, a broken one, ...). */
    AccountsApi accountsWith(String token) {
        return client(TestIssuer.bearer(token));
    }

    /** The {@code Authorization} header's value for {@code token}, for tests that speak raw HTTP. */
    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The ops API's client with {@code token} (support staff's: {@code issuer.support()} or {@code supportLead()}). */
    org.banksuite.api.ops.client.invoker.ApiClient opsClient(String token) {
        return new org.banksuite.api.ops.client.invoker.ApiClient(
                org.banksuite.api.ops.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(TestIssuer.bearer(token)).build())
                .setBasePath("http://localhost:" + port);
    }

    private AccountsApi client(ClientHttpRequestInterceptor authorization) {
        return new AccountsApi(new ApiClient(ApiClient.buildRestClientBuilder().requestInterceptor(authorization)
                .build()).setBasePath("http://localhost:" + port));
    }

    private ClientHttpRequestInterceptor actingForWhomTheRequestIsAbout() {
        return (request, body, execution) -> {
            if (request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION,
                        bearer(tokenFor(request.getURI().getRawPath(), new String(body, StandardCharsets.UTF_8))));
            }
            return execution.execute(request, body);
        };
    }

    /**
     * The token of the caller a request is about, as a BFF (or support tool) would send it: for {@code path} (raw,
     * as sent) and the request's {@code body} (empty when none).
     */
    String tokenFor(String path, String body) {
        if (path.startsWith("/ops/") || path.endsWith("/unblock")) {
            return issuer.supportLead();
        }
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (account.matches()) {
            return issuer.customer(ownerOf(account.group(1)));
        }
        Matcher customer = CUSTOMER_PATH.matcher(path);
        if (customer.matches()) {
            return issuer.customer(URLDecoder.decode(customer.group(1), StandardCharsets.UTF_8));
        }
        return issuer.customer(customerIn(body));
    }

    /** The customer an account was opened for (by these tests, or as the view has it), else a stranger. */
    String ownerOf(String accountId) {
        String owner = OWNERS.get(accountId);
        if (owner != null) {
            return owner;
        }
        return jdbc.queryForList("select customer_id from account_view where account_id = ?", String.class, accountId)
                .stream().findFirst().orElse("stranger");
    }

    private static String customerIn(String body) {
        try {
            JsonNode customerId = JSON.readTree(body).get("customerId");
            return customerId != null && customerId.isString() && !customerId.asString().isEmpty()
                    ? customerId.asString() : "anyone";
        } catch (RuntimeException notJson) {
            return "anyone";
        }
    }

    UUID open(String customerId, Currency currency) {
        AccountAccepted accepted = accounts.openAccount(UUID.randomUUID().toString(),
                new OpenAccountRequest().customerId(customerId).currency(currency).recordType(RecordType.PERSONAL));
        OWNERS.put(accepted.getAccountId().toString(), customerId);
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
                .until(() -> accounts.getAccount(accountId, null), condition);
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
