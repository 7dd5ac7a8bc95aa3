package org.banksuite.transfers.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.invoker.ApiClient;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.partnerbank.v1.CorePaymentNotSubmitted;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a transfer settles when the others are silent or say something new: support's audited resolution of a reserved
 * transfer (the test plays accounts-service and the adapter on their topics), and a decline reason added later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TransferSettlementIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CUSTOMER = "settle-customer";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate jdbc;

    private TransfersApi transfers;
    private RestClient http;
    private KafkaTestProducer producer;

    @BeforeEach
    void connect() {
        transfers = new TransfersApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(TestIssuer.bearer(TestIssuer.get().customer(CUSTOMER))).build())
                .setBasePath("http://localhost:" + port));
        http = RestClient.create("http://localhost:" + port);
        producer = new KafkaTestProducer(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void supportResolvesAReservedTransferThatTheCoreNeverReceivedAndTheHoldIsReleased() {
        UUID debtor = activeDebtor();
        UUID transfer = reservedTransfer(debtor);

        var answer = resolve(transfer, "support.alice", "{\"reason\": \"customer called: money held for days\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).contains("\"status\":\"FUNDS_RESERVED\"")
                .contains("\"version\":2"); // requested 0, reserved 1, resolution requested 2
        assertThat(answer.location()).isEqualTo("/v1/transfers/" + transfer);
        assertThat(jdbc.queryForMap("""
                select support_user, action, reason, outcome from support_audit where sequence_id = ?""",
                transfer.toString())).containsEntry("support_user", "support.alice")
                .containsEntry("action", "TRANSFER_RESOLUTION_REQUESTED")
                .containsEntry("reason", "customer called: money held for days");
        assertThat(awaitPublished(transfer, "transfers.TransferResolutionRequested.v1")).isNotNull();

        send(topics.partnerBankEvents(), "/partner-bank-adapter", 0,
                new CorePaymentNotSubmitted(transfer.toString(), "NOT_SUBMITTED: the core has no payment", Instant.now()));

        Transfer rejected = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED);
        assertThat(rejected.getRejectionReason().getValue()).isEqualTo("NOT_SUBMITTED");
        assertThat(new String(awaitPublished(transfer, "transfers.TransferRejected.v1").value()))
                .contains("\"reason\":\"NOT_SUBMITTED\"");
    }

    @Test
    void refusesToResolveASettledTransferAndAuditsTheRefusal() {
        UUID debtor = activeDebtor();
        UUID transfer = reservedTransfer(debtor);
        send(topics.partnerBankEvents(), "/partner-bank-adapter", 0,
                new CorePaymentNotSubmitted(transfer.toString(), "NOT_SUBMITTED", Instant.now()));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED);

        var answer = resolve(transfer, "support.bob", "{\"reason\": \"again\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("urn:banksuite:problem:transfer-not-resolvable");
        assertThat(jdbc.queryForObject("select outcome from support_audit where sequence_id = ?", String.class,
                transfer.toString())).startsWith("REFUSED");
    }

    @Test
    void answersProblemsForAnUnknownTransferAndABlankReason() {
        UUID debtor = activeDebtor();
        UUID transfer = reservedTransfer(debtor);

        var unknown = resolve(UUID.randomUUID(), "support.alice", "{\"reason\": \"why not\"}");
        var blank = resolve(transfer, "support.alice", "{\"reason\": \"  \"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:banksuite:problem:transfer-not-found");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("urn:banksuite:problem:invalid-request");
        assertThat(List.of(unknown.contentType(), blank.contentType()))
                .allMatch(type -> type.startsWith("application/problem+json"));
        assertThat(jdbc.queryForObject("select count(*) from support_audit where sequence_id = ?", Long.class,
                transfer.toString())).isZero();
        assertThat(transfers.getTransfer(transfer, null).getStatus()).isEqualTo(TransferStatus.FUNDS_RESERVED);
    }

    @Test
    void rejectsATransferForADeclineReasonAddedLaterWithoutStoppingItsEvents() {
        UUID debtor = activeDebtor();
        UUID transfer = requestedTransfer(debtor);

        send(topics.accountsEvents(), "/accounts-service", 2, new FundsReservationDeclined(debtor.toString(),
                transfer.toString(), new Amount("25.00", "DKK"), "ACCOUNT_FROZEN_BY_COURT", Instant.now()));

        Transfer rejected = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED);
        assertThat(rejected.getRejectionReason().getValue()).isEqualTo("OTHER");
        assertThat(rejected.getRejectionDetail()).contains("ACCOUNT_FROZEN_BY_COURT");
        assertThat(jdbc.queryForObject("select count(*) from deadletterentry", Long.class)).isZero();
    }

    private record Answer(int status, String contentType, String body, String location) {
    }

    /** Asks for the resolution as the support agent {@code supportUser} (their token's subject). */
    private Answer resolve(UUID transfer, String supportUser, String json) {
        return http.post().uri("/ops/v1/transfers/{id}/resolution", transfer)
                .header("Authorization", "Bearer " + TestIssuer.get().support(supportUser))
                .contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes()), response.getHeaders().getFirst("Location")));
    }

    private UUID activeDebtor() {
        UUID debtor = UUID.randomUUID();
        send(topics.accountsEvents(), "/accounts-service", 0,
                new AccountOpened(debtor.toString(), CUSTOMER, "DKK", "PERSONAL", Instant.now()));
        send(topics.accountsEvents(), "/accounts-service", 1,
                new AccountActivated(debtor.toString(), "1234", "99001", Instant.now()));
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(jdbc.query(
                "select status from account_replica where account_id = ?", (rs, row) -> rs.getString(1),
                debtor.toString()).stream().findFirst().orElse(null)));
        return debtor;
    }

    private UUID requestedTransfer(UUID debtor) {
        UUID transfer = transfers.createTransfer(UUID.randomUUID().toString(), new CreateTransferRequest()
                .debtorAccountId(debtor)
                .creditor(new TransferCreditor().registrationNumber("9999").accountNumber("1234567"))
                .amount(new MoneyInput().amount("25.00").currency("DKK"))
                .debtorText("rent").creditorText("rent")).getTransferId();
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REQUESTED);
        return transfer;
    }

    private UUID reservedTransfer(UUID debtor) {
        UUID transfer = requestedTransfer(debtor);
        send(topics.accountsEvents(), "/accounts-service", 2, new FundsReserved(debtor.toString(), transfer.toString(),
                new Amount("25.00", "DKK"), Instant.now()));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        return transfer;
    }

    private void send(String topic, String source, long sequence, IntegrationEvent event) {
        producer.send(CloudEventsKafka.toRecord(topic,
                EventEnvelope.of(UUID.randomUUID().toString(), source, Instant.now(), sequence, event)));
    }

    private Transfer awaitTransfer(UUID id, Predicate<Transfer> condition) {
        return await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> transfers.getTransfer(id, null), condition);
    }

    /** The first record of {@code ceType} about the transfer on {@code transfers.events}. */
    private ConsumerRecord<String, byte[]> awaitPublished(UUID transfer, String ceType) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "settlement-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.transfersEvents()));
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(transfer.toString())
                            && ceType.equals(CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE))) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no " + ceType + " for " + transfer + " within " + PATIENCE);
        }
    }
}
