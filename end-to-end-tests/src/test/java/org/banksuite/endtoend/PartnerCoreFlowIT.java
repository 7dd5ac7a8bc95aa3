package org.banksuite.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.Posting;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.model.CoreOperationAttempt;
import org.banksuite.api.adapter.client.model.CoreOperationStatus;
import org.banksuite.api.core.client.CoreApi;
import org.banksuite.api.core.client.invoker.ApiClient;
import org.banksuite.api.core.client.model.AccountRef;
import org.banksuite.api.core.client.model.CoreAccount;
import org.banksuite.api.core.client.model.CorePaymentRequest;
import org.banksuite.api.core.client.model.FaultSettings;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.api.transfers.client.model.Transfer;
import org.banksuite.events.Topics;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TopicCensus;
import org.banksuite.launcher.demo.TopicEvent;
import org.banksuite.launcher.demo.TransferSteps;
import org.banksuite.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The way to the partner core and back for each kind of request, on the running suite: what a user sees in the suite
 * (account states, balances, postings, transfer states) and at the core (the simulator's accounts), and what the
 * adapter published and stored. Entries are synced on demand, as support staff would ask; the adapter's schedule is
 * tested in its own module.
 */
@ExtendWith(TheSuite.class)
class PartnerCoreFlowIT {


    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** How long nothing more may happen once a flow has settled: long enough for a duplicate on its way. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private RunningSuite suite;
    private SuiteClients clients;
    private AccountSteps accounts;
    private CoreSteps core;

    @BeforeEach
    void clientsOf(RunningSuite runningSuite) {
        suite = runningSuite;
        clients = suite.clients();
        accounts = new AccountSteps(clients, PATIENCE);
        core = new CoreSteps(clients);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    void opensAnAccountAtTheCoreUnderTheSuitesIdAndShowsItActiveWithItsCoreNumber() {
        DemoAccount account = openActive("Olga");

        CoreAccount atTheCore = core.read(account);
        assertThat(atTheCore.getExternalId()).isEqualTo(account.accountId().toString());
        assertThat(atTheCore.getStatus().getValue()).isEqualTo("OPEN");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    void creditsAnIncomingPaymentOnceHoweverOftenItsEntriesAreSynced() {
        DemoAccount account = openActive("Ingrid");

        core.injectIncomingPayment(account, Amounts.of("250.00"), "from another bank");
        core.requestEntrySync(account);
        accounts.awaitBookedBalance(account, Amounts.of("250.00"));
        core.requestEntrySync(account);

        awaitSyncRun(account);
        assertThat(entriesStoredByTheAdapter(account)).isEqualTo(1);
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> accounts.bookedBalance(account).compareTo(Amounts.of("250.00")) == 0);
        assertThat(clients.accounts(account.customerId()).listPostings(account.accountId(), null, null).getItems())
                .hasSize(1);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    @ResourceLock(value = RunningSuite.CORE_FAULT_WRITES, mode = ResourceAccessMode.READ_WRITE)
    void booksATransferAtTheCoreOnceWhenTheCoresFirstAnswerIsLost() {
        DemoAccount debtor = openActive("Dora");
        DemoAccount creditor = openActive("Cecil");
        core.injectIncomingPayment(debtor, Amounts.of("500.00"), "salary");
        core.requestEntrySync(debtor);
        accounts.awaitBookedBalance(debtor, Amounts.of("500.00"));
        TransferSteps transfers = new TransferSteps(clients, PATIENCE);

        UUID transfer;
        // the core loses its answers to what concerns the debtor only: the other classes call it meanwhile
        clients.core().setFaults(new FaultSettings().dropResponseAfterBookingRate(1.0).account(new AccountRef()
                .registrationNumber(debtor.registrationNumber()).accountNumber(debtor.accountNumber())));
        try {
            transfer = transfers.request(debtor, TransferSteps.toAccount(creditor), Amounts.of("125.50"),
                    "to a friend");
            awaitAFirstAnswerLost(transfer);
        } finally {
            clients.core().clearFaults();
        }

        Transfer booked = transfers.awaitFinal(transfer);
        assertThat(booked.getStatus()).hasToString("BOOKED");
        assertThat(core.balance(debtor)).isEqualByComparingTo("374.50");
        assertThat(core.balance(creditor)).isEqualByComparingTo("125.50");
        accounts.awaitBookedBalance(debtor, Amounts.of("374.50"));
        accounts.awaitBookedBalance(creditor, Amounts.of("125.50"));
        Polling.until("every core operation of transfer " + transfer + " COMPLETED", PATIENCE,
                () -> operations().listCoreOperations(null, transfer.toString(), null, null).getItems(),
                items -> !items.isEmpty() && items.stream()
                        .allMatch(operation -> operation.getStatus() == CoreOperationStatus.COMPLETED));
        assertThat(partnerBankEvents(transfer.toString())).extracting(TopicEvent::type)
                .containsOnlyOnce("partner-bank.CorePaymentAccepted.v1");
        await().during(QUIET).atMost(QUIET.multipliedBy(3))
                .until(() -> accounts.bookedBalance(debtor).compareTo(Amounts.of("374.50")) == 0
                        && accounts.bookedBalance(creditor).compareTo(Amounts.of("125.50")) == 0);
        assertThat(core.balance(debtor)).isEqualByComparingTo("374.50");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    void changesTheRecordTypeAtTheCore() {
        DemoAccount account = openActive("Rita");

        accounts.requestRecordTypeChange(account, RecordType.SAVINGS);

        accounts.awaitRecordType(account, RecordType.SAVINGS);
        assertThat(core.read(account).getRecordType()).isEqualTo("SAVINGS");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    void closesTheAccountAtTheCore() {
        DemoAccount account = openActive("Clara");

        accounts.requestClosure(account);

        accounts.awaitClosed(account);
        assertThat(core.read(account).getStatus().getValue()).isEqualTo("CLOSED");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
    void publishesAndBooksTheCoresEntriesSinceTheLastSyncBeforeTheClosure() {
        DemoAccount account = openActive("Elsa");
        core.injectIncomingPayment(account, Amounts.of("100.00"), "from another bank");
        String otherChannel = UUID.randomUUID().toString();
        new CoreApi(new ApiClient(ApiClient.buildRestClientBuilder().requestInterceptor(AccessTokens.bearer(
                suite.tokens().client(RunningSuite.PROXY))).build()).setBasePath(suite.endpoints().simulatorUrl()))
                .submitCorePayment(otherChannel, new CorePaymentRequest()
                        .debtor(new AccountRef().registrationNumber(account.registrationNumber())
                                .accountNumber(account.accountNumber()))
                        .creditor(new AccountRef().registrationNumber("9999").accountNumber("1234567"))
                        .amount(new Money().amount("100.00").currency("DKK")).text("card settlement"));

        accounts.requestClosure(account);

        assertThat(accounts.awaitClosed(account).getBookedBalance().getAmount()).isEqualTo("0.00");
        assertThat(clients.accounts(account.customerId()).listPostings(account.accountId(), null, null).getItems())
                .extracting(Posting::getPostingId).hasSize(2).contains(otherChannel + "/debit");
        List<String> published = partnerBankEvents(account.accountId().toString()).stream()
                .map(TopicEvent::type).toList();
        assertThat(published).containsSubsequence("partner-bank.CorePostingEntryBooked.v1",
                "partner-bank.CorePostingEntryBooked.v1", "partner-bank.CoreAccountClosed.v1");
        assertThat(published.lastIndexOf("partner-bank.CorePostingEntryBooked.v1"))
                .isLessThan(published.indexOf("partner-bank.CoreAccountClosed.v1"));
    }

    private DemoAccount openActive(String holder) {
        return accounts.openActive(holder, "core-flow-" + UUID.randomUUID(), Currency.DKK);
    }

    /** The adapter's core operations, as support staff see them. */
    private CoreOperationsApi operations() {
        return new CoreOperationsApi(new org.banksuite.api.adapter.client.invoker.ApiClient(
                org.banksuite.api.adapter.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(AccessTokens.bearer(suite.tokens().client(AccessTokens.SUPPORT_AGENT)))
                        .build())
                .setBasePath(suite.endpoints().adapterUrl()));
    }

    /** The adapter logged an attempt of the payment whose outcome stayed unknown: the core's answer was lost. */
    private void awaitAFirstAnswerLost(UUID transfer) {
        CoreOperationsApi operations = operations();
        Polling.until("an attempt of transfer " + transfer + " with its outcome unknown", PATIENCE,
                () -> operations.listCoreOperations(null, transfer.toString(), null, null).getItems().stream()
                        .findFirst()
                        .map(operation -> operations.getCoreOperation(operation.getOperationId()).getAttemptLog()
                                .stream().anyMatch(attempt -> attempt.getOutcome() == CoreOperationAttempt.OutcomeEnum.UNKNOWN))
                        .orElse(false),
                lost -> lost);
    }

    /** The entity's records on partner-bank.events, in the order of its partition. */
    private List<TopicEvent> partnerBankEvents(String entityId) {
        try (TopicCensus census = new TopicCensus(suite.kafkaBootstrapServers(), suite.endpoints().kafkaClientProperties())) {
            return census.read(suite.endpoints().topic(Topics.PARTNER_BANK_EVENTS)).stream()
                    .filter(event -> entityId.equals(event.entityId())).toList();
        }
    }

    /** The adapter's sync of the account's entries, asked for last, ran to its end (its db-scheduler task is gone). */
    private void awaitSyncRun(DemoAccount account) {
        Polling.until("the adapter's entry sync of " + account.accountId() + " done", PATIENCE,
                () -> count("select count(*) from scheduled_tasks where task_name = 'sync-account-entries'"
                        + " and task_instance = ?", account.accountId().toString()),
                tasks -> tasks == 0);
    }

    /** How many posting entries of the account the adapter stored (each is published once). */
    private long entriesStoredByTheAdapter(DemoAccount account) {
        return count("select count(*) from domainevententry where aggregateidentifier = ?"
                + " and payloadtype = 'partner-bank.CorePostingEntryFetched'", account.accountId().toString());
    }

    private long count(String sql, String parameter) {
        TestDatabase adapter = suite.databases().adapter();
        try (Connection connection = DriverManager.getConnection(adapter.jdbcUrl(), adapter.username(),
                adapter.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the adapter's database", e);
        }
    }
}
