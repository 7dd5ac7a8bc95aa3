package org.banksuite.transfers.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferAccepted;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.events.transfers.v1.TransferScheduled;
import org.banksuite.events.transfers.v1.TransferSubmitted;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.OpenApiTraffic;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A transfer's way through transfers-service on a real PostgreSQL and Kafka broker, the test playing both neighbours
 * on their topics ({@link PlayedNeighbours}): accounts-service (accounts, and its answers to the reservation request
 * {@code TransferRequested}) and the partner core through the adapter (its answers to {@code TransferFundsReserved}).
 * What is checked is what users of this service notice: the transfer over the REST API, the events on
 * {@code transfers.events}, problems and dead letters. Balances with the real accounts-service and core are
 * end-to-end-tests' (DemoScenarioIT, PaymentsByCoreNumberIT, ShortChaosRunIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"transfers.deadlines.funds-reservation-timeout=PT30S",
                // a read's minVersion waits this long before 503 view-behind (2 s in service), short so the test of it is
                "banksuite.read-your-writes.max-wait=300ms"})
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/transfers-v1.yaml,openapi/ops-v1.yaml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransfersFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate transfersDatabase;

    private PlayedNeighbours neighbours;
    private PublishedTransferEvents published;
    /** Who owns each account the test opened, and each transfer it created: each is used as its owner only. */
    private final Map<UUID, String> owners = new ConcurrentHashMap<>();

    @BeforeAll
    void playTheNeighbours() {
        neighbours = new PlayedNeighbours(bootstrapServers, topics);
        published = new PublishedTransferEvents(bootstrapServers, topics.transfersEvents());
    }

    @AfterAll
    void stopPlaying() throws Exception {
        published.close();
        neighbours.close();
    }

    /** Every exchange of the test matched the OpenAPI specs (statuses declared, bodies of the declared shape). */
    @AfterEach
    void trafficMatchesTheSpecs() {
        OpenApiTraffic.assertNoMismatch();
    }

    @Test
    void booksATransferBetweenTwoAccountsOfTheSuiteAndPublishesItWithBothAccounts() {
        UUID debtor = activeAccount("flow-1", "DKK");
        UUID creditor = activeAccount("flow-2", "DKK");

        UUID transfer = create(debtor, creditor, "125.50", null);
        TransferRequested request = published.await(transfer, TransferRequested.class);
        assertThat(request.debtorAccountId()).isEqualTo(debtor.toString());
        assertThat(request.amount().amount()).isEqualTo("125.50");
        neighbours.fundsReserved(request);
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        assertThat(published.await(transfer, TransferFundsReserved.class).amount().amount()).isEqualTo("125.50");
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-1", Instant.now()));

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getCoreReference())
                .isEqualTo("core-ref-1");
        TransferBooked booked = published.await(transfer, TransferBooked.class);
        assertThat(booked.debtorAccountId()).isEqualTo(debtor.toString());
        assertThat(booked.creditorAccountId()).isEqualTo(creditor.toString());
        assertThat(booked.amount().amount()).isEqualTo("125.50");
    }

    @Test
    void showsATransferSubmittedUntilTheCoreAnswersAndIgnoresALateSubmission() {
        UUID debtor = activeAccount("flow-8", "DKK");
        UUID transfer = createToAnotherBank(debtor, "40.00");
        reserved(transfer);

        neighbours.coreSays(new CorePaymentSubmitted(transfer.toString(), Instant.now()));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.SUBMITTED);
        published.await(transfer, TransferSubmitted.class);
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-8", Instant.now()));
        long bookedVersion = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getVersion();
        published.await(transfer, TransferBooked.class);
        Set<String> publishedWhenBooked = eventIds(transfer);

        neighbours.coreSays(new CorePaymentSubmitted(transfer.toString(), Instant.now()));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                transfer(transfer).getStatus() == TransferStatus.BOOKED && transfer(transfer).getVersion() == bookedVersion
                        && eventIds(transfer).equals(publishedWhenBooked));
    }

    @Test
    void rejectsForInsufficientFundsWithoutAskingTheCore() {
        UUID debtor = activeAccount("flow-3", "DKK");

        UUID transfer = create(debtor, UUID.randomUUID(), "10.01", null);
        neighbours.fundsReservationDeclined(published.await(transfer, TransferRequested.class),
                FundsReservationDeclined.INSUFFICIENT_FUNDS);

        Transfer rejected = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED);
        assertThat(rejected.getRejectionReason().getValue()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(published.await(transfer, TransferRejected.class).reason()).isEqualTo("INSUFFICIENT_FUNDS");
        // published in the transfer's order: a request to the core would be on the topic before the rejection
        assertThat(published.about(transfer, TransferFundsReserved.class)).isEmpty();
    }

    @Test
    void rejectsATransferTheCoreRejectsAndPublishesTheRejectionForTheHoldToBeReleased() {
        UUID debtor = activeAccount("flow-4", "DKK");

        UUID transfer = createToAnotherBank(debtor, "60.00");
        reserved(transfer);
        neighbours.coreSays(new CorePaymentRejected(transfer.toString(), "creditor account closed", Instant.now()));

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED).getRejectionReason().getValue())
                .isEqualTo("CORE_REJECTED");
        TransferRejected rejection = published.await(transfer, TransferRejected.class);
        assertThat(rejection.debtorAccountId()).isEqualTo(debtor.toString());
        assertThat(rejection.reason()).isEqualTo("CORE_REJECTED");
    }

    @Test
    void asksForTheReservationOfAScheduledTransferOnlyOnItsDate() {
        UUID debtor = activeAccount("flow-5", "DKK");
        LocalDate tomorrow = LocalDate.now(COPENHAGEN).plusDays(1);

        UUID transfer = create(debtor, UUID.randomUUID(), "30.00", tomorrow);

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.SCHEDULED).getExecutionDate())
                .isEqualTo(tomorrow);
        assertThat(published.await(transfer, TransferScheduled.class).executionDate()).isEqualTo(tomorrow);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> published.about(transfer, TransferRequested.class).isEmpty());
        assertThat(transfer(transfer).getStatus()).isEqualTo(TransferStatus.SCHEDULED);

        bringTheExecutionDateForward(transfer);

        neighbours.fundsReserved(published.await(transfer, TransferRequested.class));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
    }

    @Test
    void changesNothingWhenEveryEventIsDeliveredTwice() {
        UUID debtor = activeAccount("flow-6", "DKK");
        UUID creditor = activeAccount("flow-7", "DKK");
        UUID transfer = create(debtor, creditor, "50.00", null);
        reserved(transfer);
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-2", Instant.now()));
        long bookedVersion = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getVersion();
        published.await(transfer, TransferBooked.class);
        Set<String> publishedWhenBooked = eventIds(transfer);

        List<String> allTopics = List.of(topics.accountsEvents(), topics.transfersEvents(), topics.partnerBankEvents());
        List<ConsumerRecord<String, byte[]>> everything = readAll(allTopics);
        assertThat(everything).extracting(ConsumerRecord::topic).containsAll(allTopics);
        everything.forEach(neighbours::redeliver);
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-2", Instant.now()));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                transfer(transfer).getVersion() == bookedVersion && eventIds(transfer).equals(publishedWhenBooked));
        assertThat(transfer(transfer).getStatus()).isEqualTo(TransferStatus.BOOKED);
        assertThat(replicaStatus(debtor)).isEqualTo("ACTIVE");
        assertThat(transfersDatabase.queryForObject("select count(*) from deadletterentry where sequenceidentifier in (?, ?, ?)",
                Long.class, transfer.toString(), debtor.toString(), creditor.toString())).isZero();
    }

    @Test
    void refusesADomesticTransferFromASekAccountWithItsOwnProblemAndWritesNothing() {
        UUID sekAccount = activeAccount("flow-8", "SEK");
        long storedBefore = storedTransferEvents();

        assertThatThrownBy(() -> create(sekAccount, UUID.randomUUID(), "10.00", null))
                .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getResponseBodyAsString())
                            .contains("urn:banksuite:problem:debtor-account-currency-not-allowed");
                });
        assertThat(storedTransferEvents()).isEqualTo(storedBefore);
    }

    @Test
    void deadLettersACoreAnswerForATransferItDoesNotKnowAndKeepsOthersFlowing() {
        String unknown = UUID.randomUUID().toString();
        neighbours.coreSays(new CorePaymentAccepted(unknown, "core-ref-x", Instant.now()));
        UUID debtor = activeAccount("flow-9", "DKK");

        UUID transfer = createToAnotherBank(debtor, "5.00");
        reserved(transfer);
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-9", Instant.now()));

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED);
        await().atMost(PATIENCE).until(() -> transfersDatabase.queryForObject(
                "select count(*) from deadletterentry where sequenceidentifier = ?", Long.class, unknown) == 1);
    }

    @Test
    void creditsASuiteAccountGivenByItsCoreNumberAsASuiteAccount() {
        UUID debtor = activeAccount("flow-20", "DKK");
        UUID creditor = activeAccount("flow-21", "DKK");

        UUID transfer = created(debtor, transfers(debtor).createTransfer(UUID.randomUUID().toString(),
                request(debtor, "70.00", null).creditor(new TransferCreditor()
                        .registrationNumber("1234").accountNumber(coreAccountNumber(creditor)))).getTransferId());
        reserved(transfer);
        neighbours.coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-20", Instant.now()));

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED);
        assertThat(published.await(transfer, TransferBooked.class).creditorAccountId()).isEqualTo(creditor.toString());
    }

    /**
     * A BFF reads the transfer it was just told was accepted: at once (never 404: as requested until the view has it),
     * with the accepted version, in its account's list, and gets 503 view-behind for a version the view has not got.
     */
    @Test
    void readsItsOwnTransferAtOnceAndAtTheAcceptedVersion() {
        UUID debtor = activeAccount("flow-rw", "DKK");
        TransfersApi bff = transfers(debtor);
        for (int attempt = 0; attempt < 3; attempt++) {
            ResponseEntity<TransferAccepted> accepted = bff.createTransferWithHttpInfo(UUID.randomUUID().toString(),
                    request(debtor, "1.00", null).creditor(new TransferCreditor().registrationNumber("9999")
                            .accountNumber("1234567")));
            UUID transfer = created(debtor, accepted.getBody().getTransferId());
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            assertThat(accepted.getHeaders().getLocation()).hasToString("/v1/transfers/" + transfer);
            assertThat(accepted.getBody().getVersion()).isZero();

            Transfer read = bff.getTransfer(transfer, null);
            assertThat(read.getTransferId()).isEqualTo(transfer);
            assertThat(read.getAmount().getAmount()).isEqualTo("1.00");
            if (read.getVersion() == 0) {
                assertThat(read.getStatus()).isEqualTo(TransferStatus.REQUESTED);
            }
            assertThat(bff.getTransfer(transfer, accepted.getBody().getVersion()).getTransferId()).isEqualTo(transfer);
            assertThatThrownBy(() -> Callers.transfersAs("http://localhost:" + port, "flow-rw-stranger")
                    .getTransfer(transfer, null)).isInstanceOf(HttpClientErrorException.NotFound.class);
            assertThat(bff.listAccountTransfers(debtor, null, null, transfer + ":0").getItems())
                    .extracting(Transfer::getTransferId).contains(transfer);
        }
        UUID transfer = create(debtor, UUID.randomUUID(), "2.00", null);
        long started = System.nanoTime();
        assertThatThrownBy(() -> bff.getTransfer(transfer, 99L))
                .isInstanceOfSatisfying(HttpServerErrorException.ServiceUnavailable.class, behind -> {
                    assertThat(behind.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(behind.getResponseBodyAsString()).contains("urn:banksuite:problem:view-behind")
                            .contains("\"minVersion\":99");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    /** An account accounts-service opened for {@code customer} and activated, once this service's replica has it. */
    private UUID activeAccount(String customer, String currency) {
        UUID id = UUID.randomUUID();
        owners.put(id, customer);
        neighbours.accountOpenedAndActivated(id, customer, currency, "1234", coreAccountNumber(id));
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(replicaStatus(id)));
        return id;
    }

    private static String coreAccountNumber(UUID account) {
        return Long.toString(Math.abs(account.getLeastSignificantBits() % 1_000_000_000L));
    }

    private String replicaStatus(UUID account) {
        return transfersDatabase.query("select status from account_replica where account_id = ?",
                (rs, row) -> rs.getString(1), account.toString()).stream().findFirst().orElse(null);
    }

    /** accounts-service reserves the amount the transfer asked for; the transfer shows it. */
    private void reserved(UUID transfer) {
        neighbours.fundsReserved(published.await(transfer, TransferRequested.class));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
    }

    private Set<String> eventIds(UUID transfer) {
        return published.about(transfer).stream().map(EventEnvelope::id).collect(Collectors.toSet());
    }

    private UUID create(UUID debtor, UUID creditorAccount, String amount, LocalDate executionDate) {
        return created(debtor, transfers(debtor).createTransfer(UUID.randomUUID().toString(),
                request(debtor, amount, executionDate).creditor(new TransferCreditor().accountId(creditorAccount)))
                .getTransferId());
    }

    private UUID createToAnotherBank(UUID debtor, String amount) {
        return created(debtor, transfers(debtor).createTransfer(UUID.randomUUID().toString(),
                request(debtor, amount, null)
                        .creditor(new TransferCreditor().registrationNumber("9999").accountNumber("1234567")))
                .getTransferId());
    }

    /** The transfer belongs to its debtor account's owner, who alone reads it in these tests. */
    private UUID created(UUID debtor, UUID transfer) {
        owners.put(transfer, owners.get(debtor));
        return transfer;
    }

    /** The transfers API as the owner of {@code accountOrTransfer}. */
    private TransfersApi transfers(UUID accountOrTransfer) {
        return Callers.transfersAs("http://localhost:" + port, owners.get(accountOrTransfer));
    }

    private static CreateTransferRequest request(UUID debtor, String amount, LocalDate executionDate) {
        return new CreateTransferRequest().debtorAccountId(debtor)
                .amount(new MoneyInput().amount(amount).currency("DKK"))
                .debtorText("to a friend").creditorText("from a friend").executionDate(executionDate);
    }

    /** The scheduled deadline is due at the date's start; make it due now, as the passing night would. */
    private void bringTheExecutionDateForward(UUID transfer) {
        int moved = transfersDatabase.update("""
                update scheduled_tasks set execution_time = now()
                where position(convert_to(?, 'UTF8') in task_data) > 0
                  and position(convert_to('execute-transfer', 'UTF8') in task_data) > 0""", transfer.toString());
        assertThat(moved).as("the transfer's execution deadline is scheduled").isEqualTo(1);
    }

    private long storedTransferEvents() {
        return transfersDatabase.queryForObject("select count(*) from domainevententry where type = 'Transfer'", Long.class);
    }

    /** Every record on the topics so far, as a support replay or a redelivery would bring them again. */
    private List<ConsumerRecord<String, byte[]>> readAll(List<String> topicNames) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topicNames.stream().flatMap(topic -> consumer
                    .partitionsFor(topic, PATIENCE).stream().map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("read to the end of " + topicNames).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private Transfer transfer(UUID id) {
        return transfers(id).getTransfer(id, null);
    }

    private Transfer awaitTransfer(UUID id, Predicate<Transfer> condition) {
        TransfersApi transfers = transfers(id);
        return await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> transfers.getTransfer(id, null), condition);
    }
}
