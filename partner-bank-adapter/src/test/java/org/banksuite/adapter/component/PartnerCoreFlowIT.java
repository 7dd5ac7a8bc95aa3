package org.banksuite.adapter.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.banksuite.api.accounts.client.AccountsApi;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;
import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.PostingEntrySyncApi;
import org.banksuite.api.adapter.client.model.CoreOperationAttempt;
import org.banksuite.api.accounts.client.model.Posting;
import org.banksuite.api.core.client.CoreApi;
import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.AccountRef;
import org.banksuite.api.core.client.model.CorePaymentRequest;
import org.banksuite.api.core.client.model.FaultSettings;
import org.banksuite.api.core.client.model.IncomingPayment;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.api.transfers.client.model.TransferCreditor;
import org.banksuite.api.transfers.client.model.TransferStatus;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.api.adapter.client.model.CoreOperationStatus;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestIssuer;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way to the core and back, as users run it: accounts-service and transfers-service, the real proxy and the
 * real simulator as their own processes from their jars, this adapter in the test's JVM, on one PostgreSQL and one
 * Kafka broker. What a user sees is asserted: account states and balances in the suite, balances at the core. Entries
 * are synced on demand here: scheduled fetches would trip the proxy's circuit breaker while the core's answers are
 * dropped (the schedule is tested in {@link AdapterRestartIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "adapter.retry.first-backoff=PT1S", "adapter.retry.max-backoff=PT2S", "adapter.entries.sync-interval=PT1H",
        "adapter.scheduler.polling-interval=PT0.2S"})
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // no other class shares this adapter: closed at the end, not left running beside the next classes
class PartnerCoreFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The one customer (through a BFF's token) who owns every account here, so she may move money between them. */
    private static final String CUSTOMER = "partner-core-flow";

    private static ServiceProcess simulator;
    private static ServiceProcess proxy;
    private static CompletableFuture<ServiceProcess> coreStart;

    /**
     * Starts the simulator and then the proxy in the background, while this adapter's context starts; the adapter
     * waits for the proxy only when it reads the proxy's address.
     */
    @DynamicPropertySource
    static void startTheCore(DynamicPropertyRegistry registry) {
        TestIssuer issuer = TestIssuer.get();
        coreStart = CompletableFuture.supplyAsync(() -> {
            try {
                simulator = ServiceProcess.start("partner-bank-simulator",
                        TestInfrastructure.get().newDatabase("simulator"), issuer.springArguments());
                List<String> proxyArguments = new ArrayList<>(List.of("--proxy.core.base-url=" + simulator.baseUrl()));
                proxyArguments.addAll(List.of(issuer.springArguments()));
                proxyArguments.addAll(List.of(issuer.clientArguments("core", "partner-bank-proxy")));
                proxy = ServiceProcess.start("partner-bank-proxy", TestInfrastructure.get().newDatabase("proxy"),
                        proxyArguments.toArray(String[]::new));
                return proxy;
            } catch (Exception e) {
                throw new IllegalStateException("the core did not start: " + e.getMessage(), e);
            }
        });
        registry.add("adapter.proxy.base-url", () -> coreStart.join().baseUrl());
        issuer.clientProperties("core", "partner-bank-adapter").forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${suite.topics.prefix}")
    String topicPrefix;

    private ServiceProcess accountsService;
    private ServiceProcess transfersService;
    private AccountsApi accounts;
    private TransfersApi transfers;
    private SimulatorAdminApi core;
    private CoreOperationsApi operations;
    private PostingEntrySyncApi entrySync;
    private CoreApi coreApi;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate adapterDatabase;
    private ForeignEvents partnerBankEvents;

    @BeforeAll
    void startTheSuite() throws Exception {
        TestIssuer issuer = TestIssuer.get();
        List<String> arguments = new java.util.ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--suite.topics.prefix=" + topicPrefix));
        arguments.addAll(List.of(issuer.springArguments()));
        String[] kafka = arguments.toArray(String[]::new);
        // started side by side: each JVM's start is mostly one thread's work, and there are two cores
        CompletableFuture<ServiceProcess> accountsStart = startAsync("accounts-service", kafka);
        CompletableFuture<ServiceProcess> transfersStart = startAsync("transfers-service", kafka);
        accountsService = accountsStart.join();
        transfersService = transfersStart.join();
        coreStart.join();
        String customer = issuer.customer(CUSTOMER);
        accounts = new AccountsApi(new org.banksuite.api.accounts.client.invoker.ApiClient(
                org.banksuite.api.accounts.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(TestIssuer.bearer(customer)).build())
                .setBasePath(accountsService.baseUrl()));
        transfers = new TransfersApi(new org.banksuite.api.transfers.client.invoker.ApiClient(
                org.banksuite.api.transfers.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(TestIssuer.bearer(customer)).build())
                .setBasePath(transfersService.baseUrl()));
        core = new SimulatorAdminApi(coreClient(issuer.admin()));
        // another channel of the bank's, straight at the core, as the core's one admitted client
        coreApi = new CoreApi(coreClient(issuer.service("partner-bank-proxy")));
        org.banksuite.api.adapter.client.invoker.ApiClient adapter = new org.banksuite.api.adapter.client.invoker.ApiClient(
                org.banksuite.api.adapter.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(TestIssuer.bearer(issuer.support())).build())
                .setBasePath("http://localhost:" + port);
        operations = new CoreOperationsApi(adapter);
        entrySync = new PostingEntrySyncApi(adapter);
        partnerBankEvents = new ForeignEvents(bootstrapServers);
    }

    private static CompletableFuture<ServiceProcess> startAsync(String module, String[] arguments) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ServiceProcess.start(module, TestInfrastructure.get().newDatabase(module), arguments);
            } catch (Exception e) {
                throw new IllegalStateException(module + " did not start: " + e.getMessage(), e);
            }
        });
    }

    private static org.banksuite.api.core.client.invoker.ApiClient coreClient(String token) {
        return new org.banksuite.api.core.client.invoker.ApiClient(
                org.banksuite.api.core.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(TestIssuer.bearer(token)).build())
                .setBasePath(simulator.baseUrl());
    }

    @AfterAll
    void stopEverything() throws Exception {
        core.clearFaults();
        transfersService.close();
        accountsService.close();
        proxy.close();
        simulator.close();
        partnerBankEvents.close();
    }

    @Test
    void anOpenedAccountBecomesActiveWithItsCoreNumber() {
        UUID id = open();

        Account active = awaitAccount(id, account -> account.getStatus() == AccountStatus.ACTIVE);

        var atTheCore = core.getSimulatedAccount(active.getCoreAccount().getRegistrationNumber(),
                active.getCoreAccount().getAccountNumber());
        assertThat(atTheCore.getExternalId()).isEqualTo(id.toString());
        assertThat(atTheCore.getStatus().getValue()).isEqualTo("OPEN");
    }

    @Test
    void anIncomingPaymentCreditsTheAccountOnce() {
        Account account = activeAccount();

        credit(account, "250.00");
        entrySync.syncPostingEntries(account.getAccountId().toString());
        awaitAccount(account.getAccountId(), a -> a.getBookedBalance().getAmount().equals("250.00"));
        entrySync.syncPostingEntries(account.getAccountId().toString());

        awaitSyncRun(account);
        assertThat(entriesStoredBy(account)).isEqualTo(1);
        // the second sync stored nothing; a few seconds more for a duplicate on its way through accounts-service
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                accounts.getAccount(account.getAccountId(), null).getBookedBalance().getAmount().equals("250.00"));
        assertThat(accounts.listPostings(account.getAccountId(), null, null).getItems()).hasSize(1);
    }

    @Test
    void aTransferIsBookedAtTheCoreOnceEvenWhenTheCoresFirstAnswerIsLost() {
        Account debtor = activeAccount();
        Account creditor = activeAccount();
        credit(debtor, "500.00");
        entrySync.syncPostingEntries(debtor.getAccountId().toString());
        awaitAccount(debtor.getAccountId(), a -> a.getBookedBalance().getAmount().equals("500.00"));

        core.setFaults(new FaultSettings().dropResponseAfterBookingRate(1.0));
        UUID transfer;
        try {
            transfer = createTransfer(new CreateTransferRequest()
                    .debtorAccountId(debtor.getAccountId()).creditor(new TransferCreditor().accountId(creditor.getAccountId()))
                    .amount(new MoneyInput().amount("125.50").currency("DKK"))
                    .debtorText("to a friend").creditorText("from a friend"));
            awaitAFirstAnswerLost(transfer);
        } finally {
            core.clearFaults();
        }

        awaitTransfer(transfer, t -> t.getStatus() == TransferStatus.BOOKED);
        assertThat(coreBalance(debtor)).isEqualTo("374.50");
        assertThat(coreBalance(creditor)).isEqualTo("125.50");
        awaitAccount(debtor.getAccountId(), a -> a.getBookedBalance().getAmount().equals("374.50"));
        awaitAccount(creditor.getAccountId(), a -> a.getBookedBalance().getAmount().equals("125.50"));
        await().atMost(PATIENCE).until(() -> operations.listCoreOperations(null, transfer.toString(), null, null)
                .getItems().stream().allMatch(operation -> operation.getStatus() == CoreOperationStatus.COMPLETED));
        assertThat(partnerBankEvents.events(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer.toString()))
                .hasSize(1);
        // the adapter is done with the payment and accepted it once; a few seconds more for anything late downstream
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                accounts.getAccount(debtor.getAccountId(), null).getBookedBalance().getAmount().equals("374.50")
                        && accounts.getAccount(creditor.getAccountId(), null).getBookedBalance().getAmount().equals("125.50"));
        assertThat(coreBalance(debtor)).isEqualTo("374.50");
    }

    @Test
    void aRecordTypeChangeCompletesAtTheCore() {
        Account account = activeAccount();

        accounts.requestRecordTypeChange(account.getAccountId(), new RecordTypeChangeRequest().recordType(RecordType.SAVINGS));

        awaitAccount(account.getAccountId(), a -> a.getRecordType() == RecordType.SAVINGS && a.getPendingRecordType() == null);
        assertThat(core.getSimulatedAccount(account.getCoreAccount().getRegistrationNumber(),
                account.getCoreAccount().getAccountNumber()).getRecordType()).isEqualTo("SAVINGS");
    }

    @Test
    void aClosureCompletesAtTheCore() {
        Account account = activeAccount();

        accounts.requestClosure(account.getAccountId());

        awaitAccount(account.getAccountId(), a -> a.getStatus() == AccountStatus.CLOSED);
        assertThat(core.getSimulatedAccount(account.getCoreAccount().getRegistrationNumber(),
                account.getCoreAccount().getAccountNumber()).getStatus().getValue()).isEqualTo("CLOSED");
    }

    @Test
    void entriesBookedAtTheCoreSinceTheLastSyncArePublishedAndBookedBeforeTheClosure() {
        Account account = activeAccount();
        credit(account, "100.00");
        String otherChannel = UUID.randomUUID().toString();
        coreApi.submitCorePayment(otherChannel, new CorePaymentRequest()
                .debtor(new AccountRef().registrationNumber(account.getCoreAccount().getRegistrationNumber())
                        .accountNumber(account.getCoreAccount().getAccountNumber()))
                .creditor(new AccountRef().registrationNumber("9999").accountNumber("1234567"))
                .amount(new Money().amount("100.00").currency("DKK")).text("card settlement"));

        accounts.requestClosure(account.getAccountId());

        Account closed = awaitAccount(account.getAccountId(), a -> a.getStatus() == AccountStatus.CLOSED);
        assertThat(closed.getBookedBalance().getAmount()).isEqualTo("0.00");
        assertThat(accounts.listPostings(account.getAccountId(), null, null).getItems())
                .extracting(Posting::getPostingId).hasSize(2).contains(otherChannel + "/debit");
        List<String> published = partnerBankEventTypes(account.getAccountId().toString());
        assertThat(published).containsSubsequence("partner-bank.CorePostingEntryBooked.v1",
                "partner-bank.CorePostingEntryBooked.v1", "partner-bank.CoreAccountClosed.v1");
        assertThat(published.lastIndexOf("partner-bank.CorePostingEntryBooked.v1"))
                .isLessThan(published.indexOf("partner-bank.CoreAccountClosed.v1"));
    }

    /**
     * The types of the account's records on partner-bank.events, in the order of its partition: all of them up to
     * the account's closure once accounts-service shows it closed (it learns that from the last of them).
     */
    private List<String> partnerBankEventTypes(String accountId) {
        return partnerBankEvents.envelopes(topics.partnerBankEvents()).stream()
                .filter(envelope -> accountId.equals(envelope.subject())).map(EventEnvelope::type).toList();
    }

    /** The adapter's sync of the account's entries, asked for last, ran to its end (its db-scheduler task is gone). */
    private void awaitSyncRun(Account account) {
        await().atMost(PATIENCE).until(() -> adapterDatabase.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'sync-account-entries' and task_instance = ?",
                Long.class, account.getAccountId().toString()) == 0);
    }

    /** How many posting entries of the account the adapter stored (each is published once). */
    private long entriesStoredBy(Account account) {
        return adapterDatabase.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?"
                + " and payloadtype = 'partner-bank.CorePostingEntryFetched'", Long.class,
                account.getAccountId().toString());
    }

    private UUID open() {
        return accounts.openAccount(UUID.randomUUID().toString(), new OpenAccountRequest().customerId(CUSTOMER)
                .currency(org.banksuite.api.accounts.client.model.Currency.DKK).recordType(RecordType.PERSONAL))
                .getAccountId();
    }

    private Account activeAccount() {
        return awaitAccount(open(), account -> account.getStatus() == AccountStatus.ACTIVE);
    }

    private void credit(Account account, String amount) {
        core.injectIncomingPayment(new IncomingPayment()
                .registrationNumber(account.getCoreAccount().getRegistrationNumber())
                .accountNumber(account.getCoreAccount().getAccountNumber())
                .amount(new Money().amount(amount).currency("DKK")).text("from another bank"));
    }

    private String coreBalance(Account account) {
        return core.getSimulatedAccount(account.getCoreAccount().getRegistrationNumber(),
                account.getCoreAccount().getAccountNumber()).getBalance().getAmount();
    }

    /** The adapter logged an attempt of the payment whose outcome stayed unknown: the core's answer was lost. */
    private void awaitAFirstAnswerLost(UUID transfer) {
        await().atMost(PATIENCE).until(() -> operations.listCoreOperations(null, transfer.toString(), null, null)
                .getItems().stream().findFirst()
                .map(operation -> operations.getCoreOperation(operation.getOperationId()).getAttemptLog().stream()
                        .anyMatch(attempt -> attempt.getOutcome() == CoreOperationAttempt.OutcomeEnum.UNKNOWN))
                .orElse(false));
    }

    /** transfers-service checks against its replica of accounts, which may lag: ask until it takes the transfer. */
    private UUID createTransfer(CreateTransferRequest request) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> transfers.createTransfer(UUID.randomUUID().toString(), request).getTransferId(),
                        java.util.Objects::nonNull);
    }

    /** The account's view may lag behind its creation (a 404 until then). */
    private Account awaitAccount(UUID id, Predicate<Account> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> accounts.getAccount(id, null), condition);
    }

    private Transfer awaitTransfer(UUID id, Predicate<Transfer> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> transfers.getTransfer(id, null), condition);
    }
}
