package org.banksuite.transfers.component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.EventJson;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.KafkaTestProducer;
import org.banksuite.testsupport.OpenApiTraffic;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.banksuite.api.transfers.client.model.TransferAccepted;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * accounts-service and transfers-service together on one PostgreSQL and one Kafka broker; the test plays the partner
 * core by publishing its events on {@code partner-bank.events}. Money must land right on both sides.
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
    @Value("${suite.topics.prefix}")
    String topicPrefix;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate transfersDatabase;

    private ServiceProcess accountsService;
    private KafkaTestProducer core;
    /** Who owns each account the test opened, and each transfer it created: each is used as its owner only. */
    private final Map<UUID, String> owners = new ConcurrentHashMap<>();

    @BeforeAll
    void startAccountsService() throws Exception {
        accountsService = ServiceProcess.start("accounts-service", TestInfrastructure.get().newDatabase("accounts"),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers, "--suite.topics.prefix=" + topicPrefix);
        core = new KafkaTestProducer(bootstrapServers);
    }

    @AfterAll
    void stopAccountsService() throws Exception {
        core.close();
        accountsService.close();
    }

    /** Every exchange of the test matched the OpenAPI specs (statuses declared, bodies of the declared shape). */
    @AfterEach
    void trafficMatchesTheSpecs() {
        OpenApiTraffic.assertNoMismatch();
    }

    @Test
    void booksATransferBetweenTwoAccountsOfTheSuiteWithBothBalancesRight() {
        UUID debtor = activeAccount("flow-1", "DKK", "500.00");
        UUID creditor = activeAccount("flow-2", "DKK", null);

        UUID transfer = create(debtor, creditor, "125.50", null);
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        assertThat(account(debtor).getReservedBalance().getAmount()).isEqualTo("125.50");
        coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-1", Instant.now()));

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getCoreReference())
                .isEqualTo("core-ref-1");
        Account debited = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("374.50"));
        assertThat(debited.getReservedBalance().getAmount()).isEqualTo("0.00");
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("125.50"));
    }

    @Test
    void showsATransferSubmittedUntilTheCoreAnswersAndIgnoresALateSubmission() {
        UUID debtor = activeAccount("flow-8", "DKK", "90.00");
        UUID transfer = createToAnotherBank(debtor, "40.00");
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);

        coreSays(new CorePaymentSubmitted(transfer.toString(), Instant.now()));
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.SUBMITTED);
        assertThat(account(debtor).getReservedBalance().getAmount()).isEqualTo("40.00");
        coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-8", Instant.now()));
        long bookedVersion = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getVersion();
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("50.00"));

        coreSays(new CorePaymentSubmitted(transfer.toString(), Instant.now()));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                transfer(transfer).getStatus() == TransferStatus.BOOKED && transfer(transfer).getVersion() == bookedVersion
                        && account(debtor).getBookedBalance().getAmount().equals("50.00"));
    }

    @Test
    void rejectsForInsufficientFundsWithoutAPosting() {
        UUID debtor = activeAccount("flow-3", "DKK", "10.00");

        UUID transfer = create(debtor, UUID.randomUUID(), "10.01", null);

        Transfer rejected = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED);
        assertThat(rejected.getRejectionReason().getValue()).isEqualTo("INSUFFICIENT_FUNDS");
        Account account = account(debtor);
        assertThat(account.getBookedBalance().getAmount()).isEqualTo("10.00");
        assertThat(account.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(accounts(debtor).listPostings(debtor, null, null).getItems()).hasSize(1);
    }

    @Test
    void releasesTheHoldWhenTheCoreRejectsThePayment() {
        UUID debtor = activeAccount("flow-4", "DKK", "100.00");

        UUID transfer = createToAnotherBank(debtor, "60.00");
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        coreSays(new CorePaymentRejected(transfer.toString(), "creditor account closed", Instant.now()));

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.REJECTED).getRejectionReason().getValue())
                .isEqualTo("CORE_REJECTED");
        Account account = awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("0.00"));
        assertThat(account.getAvailableBalance().getAmount()).isEqualTo("100.00");
    }

    @Test
    void reservesAScheduledTransferOnlyOnItsDate() {
        UUID debtor = activeAccount("flow-5", "DKK", "80.00");
        LocalDate tomorrow = LocalDate.now(COPENHAGEN).plusDays(1);

        UUID transfer = create(debtor, UUID.randomUUID(), "30.00", tomorrow);

        assertThat(awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.SCHEDULED).getExecutionDate())
                .isEqualTo(tomorrow);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> account(debtor).getReservedBalance().getAmount().equals("0.00"));
        assertThat(transfer(transfer).getStatus()).isEqualTo(TransferStatus.SCHEDULED);

        bringTheExecutionDateForward(transfer);

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("30.00"));
    }

    @Test
    void changesNothingWhenEveryEventIsDeliveredTwice() throws Exception {
        UUID debtor = activeAccount("flow-6", "DKK", "200.00");
        UUID creditor = activeAccount("flow-7", "DKK", null);
        UUID transfer = create(debtor, creditor, "50.00", null);
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-2", Instant.now()));
        long bookedVersion = awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED).getVersion();
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("50.00"));

        List<ConsumerRecord<String, byte[]>> everything = readAll(List.of(topics.accountsEvents(),
                topics.transfersEvents(), topics.partnerBankEvents()));
        everything.forEach(record -> core.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                record.topic(), null, record.key(), record.value(), record.headers())));
        coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-2", Instant.now()));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                account(debtor).getBookedBalance().getAmount().equals("150.00")
                        && account(creditor).getBookedBalance().getAmount().equals("50.00")
                        && transfer(transfer).getVersion() == bookedVersion);
        assertThat(accounts(creditor).listPostings(creditor, null, null).getItems()).hasSize(1);
    }

    @Test
    void refusesADomesticTransferFromASekAccountWithItsOwnProblemAndWritesNothing() {
        UUID sekAccount = activeAccount("flow-8", "SEK", null);
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
        coreSays(new CorePaymentAccepted(unknown, "core-ref-x", Instant.now()));
        UUID debtor = activeAccount("flow-9", "DKK", "20.00");

        UUID transfer = createToAnotherBank(debtor, "5.00");

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        await().atMost(PATIENCE).until(() -> transfersDatabase.queryForObject(
                "select count(*) from deadletterentry where sequenceidentifier = ?", Long.class, unknown) == 1);
    }

    @Test
    void creditsASuiteAccountGivenByItsCoreNumberAsASuiteAccount() {
        UUID debtor = activeAccount("flow-20", "DKK", "200.00");
        UUID creditor = activeAccount("flow-21", "DKK", null);
        var number = account(creditor).getCoreAccount();

        UUID transfer = created(debtor, transfers(debtor).createTransfer(UUID.randomUUID().toString(),
                request(debtor, "70.00", null).creditor(new TransferCreditor()
                        .registrationNumber(number.getRegistrationNumber())
                        .accountNumber(number.getAccountNumber()))).getTransferId());
        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.FUNDS_RESERVED);
        coreSays(new CorePaymentAccepted(transfer.toString(), "core-ref-20", Instant.now()));

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED);
        Account credited = awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("70.00"));
        assertThat(credited.getAvailableBalance().getAmount()).isEqualTo("70.00");
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("130.00"));
        TransferBooked booked = readAll(List.of(topics.transfersEvents())).stream()
                .filter(record -> record.key().equals(transfer.toString()))
                .filter(record -> "transfers.TransferBooked.v1".equals(
                        CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE)))
                .map(record -> (TransferBooked) EventJson.deserialize("transfers.TransferBooked.v1", record.value()))
                .findFirst().orElseThrow();
        assertThat(booked.creditorAccountId()).isEqualTo(creditor.toString());
    }

    /**
     * A BFF reads the transfer it was just told was accepted: at once (never 404: as requested until the view has it),
     * with the accepted version, in its account's list, and gets 503 view-behind for a version the view has not got.
     */
    @Test
    void readsItsOwnTransferAtOnceAndAtTheAcceptedVersion() {
        UUID debtor = activeAccount("flow-rw", "DKK", "100.00");
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

    private UUID activeAccount(String customer, String currency, String openingCredit) {
        UUID id = Callers.accountsAs(accountsService.baseUrl(), customer).openAccount(UUID.randomUUID().toString(),
                new OpenAccountRequest().customerId(customer)
                        .currency(org.banksuite.api.accounts.client.model.Currency.fromValue(currency))
                        .recordType(RecordType.PERSONAL)).getAccountId();
        owners.put(id, customer);
        coreSays(new CoreAccountOpened(id.toString(), "1234", Long.toString(Math.abs(id.getLeastSignificantBits() % 1_000_000L)),
                Instant.now()));
        if (openingCredit != null) {
            coreSays(new CorePostingEntryBooked(id.toString(), UUID.randomUUID().toString(),
                    new Amount(openingCredit, currency), "opening credit", null, Instant.now()));
            awaitAccount(id, a -> a.getBookedBalance().getAmount().equals(openingCredit));
        }
        awaitAccount(id, a -> a.getStatus().getValue().equals("ACTIVE"));
        awaitReplicaKnowsActive(id);
        return id;
    }

    /** transfers-service learns account facts from accounts.events; wait until its replica has caught up. */
    private void awaitReplicaKnowsActive(UUID accountId) {
        await().atMost(PATIENCE).until(() -> "ACTIVE".equals(transfersDatabase.query(
                "select status from account_replica where account_id = ?", (rs, row) -> rs.getString(1),
                accountId.toString()).stream().findFirst().orElse(null)));
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

    /** The accounts API as the owner of {@code account}. */
    private AccountsApi accounts(UUID account) {
        return Callers.accountsAs(accountsService.baseUrl(), owners.get(account));
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

    private void coreSays(IntegrationEvent event) {
        core.send(CloudEventsKafka.toRecord(topics.partnerBankEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 0, event)));
    }

    private List<ConsumerRecord<String, byte[]>> readAll(List<String> topicNames) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", bootstrapServers, "group.id", "replayer-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(topicNames);
            List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < quietUntil) {
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

    private Account account(UUID id) {
        return accounts(id).getAccount(id, null);
    }

    private Account awaitAccount(UUID id, Predicate<Account> condition) {
        AccountsApi accounts = accounts(id);
        return await().atMost(PATIENCE).ignoreException(HttpClientErrorException.NotFound.class)
                .until(() -> accounts.getAccount(id, null), condition);
    }
}
