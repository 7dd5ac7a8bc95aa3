package org.banksuite.transfers.component;

import tools.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.invoker.ApiClient;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An event transfers-service's projections cannot store halts nothing: it is dead-lettered for its entity (the
 * transfer in {@code transfer-projection}, the account in {@code account-replica}), that entity's later events wait
 * behind it, every other entity keeps updating, and support lists it at {@code /ops/v1/dead-letters}, retries it
 * after a fix or evicts it (evicting is a support lead's, retrying a support agent's). The test plays
 * accounts-service on {@code accounts.events} and a customer's BFF with their token; automatic retries are pushed out
 * of the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "suite.dead-letters.first-retry-after=PT1H")
@RealInfrastructure
class ProjectionDeadLetterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The customer the test's accounts belong to, as accounts-service said in {@code AccountOpened}. */
    private static final String CUSTOMER = "c-2";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    private final TestIssuer issuer = TestIssuer.get();
    private TransfersApi transfers;
    private JsonHttp http;
    private KafkaTestProducer accountsService;

    @BeforeEach
    void connect() {
        transfers = transfersAs(CUSTOMER);
        http = new JsonHttp("http://localhost:" + port);
        accountsService = new KafkaTestProducer(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        accountsService.close();
    }

    /** The case: PostgreSQL refuses U+0000 in a text, so the projection can never store this transfer. */
    @Test
    void deadLettersATransferWhoseTextPostgresRefusesKeepsOtherTransfersUpdatingAndEvictsItOnRequest() {
        UUID debtor = activeAccount();
        String poisoned = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("Transfer", poisoned, 0, new TransferRequested(poisoned,
                debtor.toString(), Creditor.bankAccount("9999", "1234567"), Money.of("5.00", Currency.DKK),
                "rent", "x\u0000y", null)));

        UUID bystander = create(debtor);

        await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> transfers.getTransfer(bystander, null).getStatus(), status -> status == TransferStatus.REQUESTED);
        JsonNode listed = awaitSequence("transfer-projection", poisoned, 1);
        assertThat(listed.get("processingGroup").asString()).isEqualTo("transfer-projection");
        assertThat(listed.get("eventType").asString()).isEqualTo("TransferRequested");
        assertThat(listed.get("cause").get("message").asString()).contains("0x00");
        // accepted (it is in the event store) though the view cannot hold it: it reads as requested, never 404
        Transfer asRequested = transfers.getTransfer(UUID.fromString(poisoned), null);
        assertThat(asRequested.getStatus()).isEqualTo(TransferStatus.REQUESTED);
        assertThat(asRequested.getVersion()).isZero();

        String eviction = "/ops/v1/dead-letters/" + poisoned + "/eviction?processingGroup=transfer-projection";
        String reason = "{\"reason\": \"creditor text with a NUL, transfer refused with the customer\"}";
        assertThat(support(eviction, issuer.support(), reason).statusCode()).isEqualTo(403);
        assertThat(sequences("transfer-projection", poisoned)).hasSize(1);
        assertThat(support(eviction, issuer.supportLead(), reason).statusCode()).isEqualTo(200);

        assertThat(sequences("transfer-projection", poisoned)).isEmpty();
    }

    @Test
    void deadLettersAnAccountTheReplicaCannotStoreAndRetriesItInOrderOnceTheCauseIsFixed() throws Exception {
        UUID refused = UUID.randomUUID();
        jdbc.execute("alter table account_replica add constraint refuses_one_account check (account_id <> '"
                + refused + "')");
        try {
            accountsSay(new AccountOpened(refused.toString(), CUSTOMER, "DKK", "PERSONAL", Instant.now()), 0);
            accountsSay(new AccountActivated(refused.toString(), "1234", "42", Instant.now()), 1);
            awaitSequence("account-replica", refused.toString(), 2);
            UUID bystander = activeAccount();
            assertThat(replicaStatus(bystander)).isEqualTo("ACTIVE");
        } finally {
            jdbc.execute("alter table account_replica drop constraint refuses_one_account");
        }

        HttpResponse<String> retried = support("/ops/v1/dead-letters/" + refused
                + "/retry?processingGroup=account-replica", issuer.support(), "{\"reason\": \"constraint dropped\"}");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("PROCESSED");
        assertThat(replicaStatus(refused)).isEqualTo("ACTIVE");
        assertThat(sequences("account-replica", refused.toString())).isEmpty();
        UUID transfer = create(refused);
        await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> transfers.getTransfer(transfer, null).getStatus(), status -> status == TransferStatus.REQUESTED);
    }

    private UUID activeAccount() {
        UUID account = UUID.randomUUID();
        accountsSay(new AccountOpened(account.toString(), CUSTOMER, "DKK", "PERSONAL", Instant.now()), 0);
        accountsSay(new AccountActivated(account.toString(), "1234", "43", Instant.now()), 1);
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(replicaStatus(account)));
        return account;
    }

    private String replicaStatus(UUID account) {
        return jdbc.query("select status from account_replica where account_id = ?",
                rows -> rows.next() ? rows.getString(1) : null, account.toString());
    }

    private UUID create(UUID debtor) {
        return transfers.createTransfer(UUID.randomUUID().toString(), new CreateTransferRequest()
                .debtorAccountId(debtor).amount(new MoneyInput().amount("3.00").currency("DKK"))
                .debtorText("to a friend").creditorText("from a friend")
                .creditor(new TransferCreditor().registrationNumber("9999").accountNumber("1234567")))
                .getTransferId();
    }

    private void accountsSay(IntegrationEvent event, long sequence) {
        accountsService.send(CloudEventsKafka.toRecord(topics.accountsEvents(), EventEnvelope.of(
                UUID.randomUUID().toString(), "/accounts-service", Instant.now(), sequence, event)));
    }

    private JsonNode awaitSequence(String group, String entity, int letters) {
        return await().atMost(PATIENCE).until(() -> sequences(group, entity),
                items -> items.size() == 1 && items.get(0).get("letters").asInt() == letters).get(0);
    }

    private JsonNode sequences(String group, String entity) {
        try {
            HttpResponse<String> listed = http.sendRaw(HttpRequest.newBuilder(URI.create(http.base()
                    + "/ops/v1/dead-letters?processingGroup=" + group + "&entityId=" + entity))
                    .header("Authorization", "Bearer " + issuer.support()).GET());
            return new JsonHttp.Answer(listed).expect(200).json().get("items");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A POST by support staff holding {@code token}. */
    private HttpResponse<String> support(String path, String token, String body) {
        try {
            return http.sendRaw(HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The transfers API as the BFF of {@code customerId} calls it. */
    private TransfersApi transfersAs(String customerId) {
        return new TransfersApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(TestIssuer.bearer(issuer.customer(customerId))).build())
                .setBasePath("http://localhost:" + port));
    }
}
