package org.banksuite.adapter.component;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.banksuite.adapter.account.sync.PostingEntrySync;
import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.PostingEntrySyncApi;
import org.banksuite.api.adapter.client.invoker.ApiClient;
import org.banksuite.api.adapter.client.model.CoreOperation;
import org.banksuite.api.adapter.client.model.CoreOperationAttempt;
import org.banksuite.api.adapter.client.model.CoreOperationStatus;
import org.banksuite.api.adapter.client.model.CoreOperationSummary;
import org.banksuite.events.Amount;
import org.banksuite.events.accounts.v1.AccountClosureRequested;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.RecordTypeChangeRequested;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentNotSubmitted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferCoreAnswerOverdue;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.events.transfers.v1.TransferResolutionRequested;
import org.banksuite.kit.messaging.TopicNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The adapter on real PostgreSQL and Kafka, with WireMock standing in for the proxy (and for the issuer's token
 * endpoint): what it sends to the proxy, how it copes with 429, 503, 502, timeouts, lost answers and missing or
 * refused tokens, and what it publishes on {@code partner-bank.events}. Its operation log is read with a support token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "adapter.retry.first-backoff=PT0.2S", "adapter.retry.max-backoff=PT2S", "adapter.proxy.read-timeout=PT2S",
        "adapter.scheduler.polling-interval=PT0.2S",
        "adapter.entries.sync-interval=PT1H", "suite.dead-letters.first-retry-after=PT1H",
        "adapter.core.overdue-after=PT1S", "adapter.snapshot-threshold=2"})
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdapterAgainstWireMockProxyIT {

    private static final WireMockServer PROXY = new WireMockServer(wireMockConfig().dynamicPort());
    private static final String PAYMENTS = "/core/v1/payments";
    private static final String TOKEN = "/oauth2/token";

    static {
        PROXY.start();
        issuerGivesTokens();
    }

    @DynamicPropertySource
    static void proxy(DynamicPropertyRegistry registry) {
        registry.add("adapter.proxy.base-url", PROXY::baseUrl);
        TestIssuer.get().clientProperties("core", "partner-bank-adapter")
                .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.security.oauth2.client.provider.core.token-uri", () -> PROXY.baseUrl() + TOKEN);
    }

    /** The issuer's token endpoint answers the adapter's client-credentials request with a fresh service token. */
    private static void issuerGivesTokens() {
        PROXY.stubFor(post(TOKEN).withBasicAuth("partner-bank-adapter", TestIssuer.CLIENT_SECRET)
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson("""
                        {"access_token": "%s", "token_type": "Bearer", "expires_in": 299}"""
                        .formatted(TestIssuer.get().service("partner-bank-adapter")))));
    }

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    TopicNames topics;
    @Autowired
    JdbcTemplate database;
    @Autowired
    PostingEntrySync entrySyncRun;
    @Autowired
    org.springframework.security.oauth2.client.OAuth2AuthorizedClientService authorizedClients;

    private ForeignEvents kafka;
    private CoreOperationsApi operations;
    private PostingEntrySyncApi entrySync;
    private long nextAccountNumber = 2_000_000;

    @BeforeAll
    void connect() {
        kafka = new ForeignEvents(bootstrapServers);
        ApiClient client = new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(TestIssuer.bearer(TestIssuer.get().support())).build())
                .setBasePath("http://localhost:" + port);
        operations = new CoreOperationsApi(client);
        entrySync = new PostingEntrySyncApi(client);
    }

    @AfterAll
    void disconnect() {
        kafka.close();
        PROXY.stop();
    }

    @Test
    void opensAnAccountAtTheCoreAndPublishesItsNumber() {
        String account = UUID.randomUUID().toString();
        String number = stubOpening(account);

        kafka.send(topics.accountsEvents(), "/accounts-service", opened(account));

        CoreAccountOpened opened = kafka.await(topics.partnerBankEvents(), CoreAccountOpened.class, account);
        assertThat(opened.registrationNumber()).isEqualTo("1234");
        assertThat(opened.accountNumber()).isEqualTo(number);
        assertThat(openingsOf(account)).hasSize(1);
    }

    @Test
    void opensAgainOnlyAfterRetryAfterWhenTheProxyAnswers429() {
        String account = UUID.randomUUID().toString();
        PROXY.stubFor(post("/core/v1/accounts").withRequestBody(matchingJsonPath("$.externalId", equalTo(account)))
                .inScenario(account).whenScenarioStateIs(STARTED).willSetStateTo("served")
                .willReturn(problem(429, "proxy-quota-exhausted").withHeader("Retry-After", "1")));
        String number = stubOpening(account, "served");

        kafka.send(topics.accountsEvents(), "/accounts-service", opened(account));

        assertThat(kafka.await(topics.partnerBankEvents(), CoreAccountOpened.class, account).accountNumber())
                .isEqualTo(number);
        List<LoggedRequest> calls = openingsOf(account);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void closesAnAccountAtTheCoreAndTakesItsEntriesUpToTheClosure() {
        String account = openAccount();
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(okJson(coreAccount(account, "CLOSED"))));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries"))
                .willReturn(okJson("{\"entries\": [], \"nextCursor\": \"0\"}")));

        kafka.send(topics.accountsEvents(), "/accounts-service", new AccountClosureRequested(account, Instant.now()));

        kafka.await(topics.partnerBankEvents(), CoreAccountClosed.class, account);
        PROXY.verify(1, postRequestedFor(urlEqualTo(accountPath(account) + "/closure")));
        PROXY.verify(1, getRequestedFor(urlPathEqualTo(accountPath(account) + "/entries")));
    }

    @Test
    void waitsWithTheClosureUntilTheCoreHandsOverTheEntries() {
        String account = openAccount();
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(okJson(coreAccount(account, "CLOSED"))));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries"))
                .willReturn(aResponse().withStatus(503)));

        kafka.send(topics.accountsEvents(), "/accounts-service", new AccountClosureRequested(account, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> PROXY.findAll(
                getRequestedFor(urlPathEqualTo(accountPath(account) + "/entries"))).size() >= 2);
        assertThat(kafka.events(topics.partnerBankEvents(), CoreAccountClosed.class, account)).isEmpty();
        PROXY.verify(1, postRequestedFor(urlEqualTo(accountPath(account) + "/closure")));
    }

    @Test
    void refusesTheClosureOfAnAccountWhoseBalanceIsNotZero() {
        String account = openAccount();
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(problem(409, "core-account-balance-not-zero")));

        kafka.send(topics.accountsEvents(), "/accounts-service", new AccountClosureRequested(account, Instant.now()));

        assertThat(kafka.await(topics.partnerBankEvents(), CoreAccountClosureRefused.class, account).reason())
                .startsWith("core-account-balance-not-zero");
    }

    @Test
    void changesTheRecordTypeAtTheCore() {
        String account = openAccount();
        PROXY.stubFor(put(accountPath(account) + "/record-type")
                .withRequestBody(matchingJsonPath("$.recordType", equalTo("SAVINGS")))
                .willReturn(okJson(coreAccount(account, "OPEN"))));

        kafka.send(topics.accountsEvents(), "/accounts-service", new RecordTypeChangeRequested(account, "PERSONAL",
                "SAVINGS", Instant.now()));

        assertThat(kafka.await(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account).recordType())
                .isEqualTo("SAVINGS");
    }

    @Test
    void aReplayedClosureRequestTheCoreRefusedIsNotSentToTheCoreAgain() {
        String account = openAccount();
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(problem(409, "core-account-balance-not-zero")));
        PROXY.stubFor(put(accountPath(account) + "/record-type").willReturn(okJson(coreAccount(account, "OPEN"))));
        AccountClosureRequested closure = new AccountClosureRequested(account, Instant.now(), "2");
        kafka.send(topics.accountsEvents(), "/accounts-service", closure);
        assertThat(kafka.await(topics.partnerBankEvents(), CoreAccountClosureRefused.class, account).requestId())
                .isEqualTo("2");

        String job = UUID.randomUUID().toString();
        replay(job, closure);
        replay(job, new RecordTypeChangeRequested(account, "PERSONAL", "SAVINGS", Instant.now(), "4"));

        assertThat(kafka.await(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account).requestId())
                .isEqualTo("4");
        PROXY.verify(1, postRequestedFor(urlEqualTo(accountPath(account) + "/closure")));
        assertThat(kafka.events(topics.partnerBankEvents(), CoreAccountClosureRefused.class, account)).hasSize(1);
    }

    @Test
    void aReplayedEarlierRecordTypeChangeDoesNotRevertTheRecordTypeAtTheCore() {
        String account = openAccount();
        PROXY.stubFor(put(accountPath(account) + "/record-type").willReturn(okJson(coreAccount(account, "OPEN"))));
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(okJson(coreAccount(account, "CLOSED"))));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries"))
                .willReturn(okJson("{\"entries\": [], \"nextCursor\": \"0\"}")));
        RecordTypeChangeRequested toSavings = new RecordTypeChangeRequested(account, "PERSONAL", "SAVINGS",
                Instant.now(), "2");
        kafka.send(topics.accountsEvents(), "/accounts-service", toSavings);
        kafka.await(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account);
        kafka.send(topics.accountsEvents(), "/accounts-service", new RecordTypeChangeRequested(account, "SAVINGS",
                "PERSONAL", Instant.now(), "4"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                kafka.events(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account).size() == 2);

        String job = UUID.randomUUID().toString();
        replay(job, toSavings);
        replay(job, new AccountClosureRequested(account, Instant.now(), "6"));

        assertThat(kafka.await(topics.partnerBankEvents(), CoreAccountClosed.class, account).requestId())
                .isEqualTo("6");
        PROXY.verify(1, putRequestedFor(urlEqualTo(accountPath(account) + "/record-type"))
                .withRequestBody(matchingJsonPath("$.recordType", equalTo("SAVINGS"))));
        assertThat(kafka.events(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account))
                .extracting(CoreRecordTypeChanged::requestId).containsExactly("2", "4");
    }

    @Test
    void booksAPaymentOnceWhenTheAnswerIsLostAfterBooking() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String paymentId = stubStatus(transfer, "ACCEPTED");

        submit(transfer, debtor);

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer).coreReference())
                .isEqualTo(paymentId);
        assertThat(submissionsOf(transfer)).hasSize(1);
        assertThat(PROXY.findAll(getRequestedFor(urlEqualTo(PAYMENTS + "/" + transfer)))).hasSize(1);
        assertThat(PROXY.findAll(getRequestedFor(urlEqualTo(PAYMENTS + "/" + transfer))).getFirst().getLoggedDate())
                .isAfter(submissionsOf(transfer).getFirst().getLoggedDate());
    }

    @Test
    void asksForThePaymentAfterATimeoutInsteadOfSubmittingAgain() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(aResponse().withStatus(201).withFixedDelay(3_000)
                        .withHeader("Content-Type", "application/json").withBody(payment(transfer, "ACCEPTED",
                                UUID.randomUUID().toString()))));
        String paymentId = stubStatus(transfer, "ACCEPTED");

        submit(transfer, debtor);

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer).coreReference())
                .isEqualTo(paymentId);
        assertThat(submissionsOf(transfer)).hasSize(1);
    }

    @Test
    void submitsAgainWithTheSameKeyOnlyWhenTheCoreSaysItNeverSawThePaymentAfterA502() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        String paymentId = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs(STARTED).willSetStateTo("resubmit")
                .willReturn(problem(502, "core-error")));
        PROXY.stubFor(get(PAYMENTS + "/" + transfer).willReturn(problem(404, "core-payment-not-found")));
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs("resubmit")
                .willReturn(created(payment(transfer, "ACCEPTED", paymentId))));

        submit(transfer, debtor);

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer).coreReference())
                .isEqualTo(paymentId);
        List<ServeEvent> calls = callsAbout(transfer);
        assertThat(calls).extracting(call -> call.getRequest().getMethod().getName() + " "
                + call.getResponse().getStatus()).containsExactly("POST 502", "GET 404", "POST 201");
    }

    @Test
    void submitsOnceRetryAfterHasPassedWhenTheProxyAnswers503() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs(STARTED).willSetStateTo("served")
                .willReturn(problem(503, "proxy-lane-full").withHeader("Retry-After", "1")));
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs("served")
                .willReturn(created(payment(transfer, "ACCEPTED", UUID.randomUUID().toString()))));

        submit(transfer, debtor);

        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);
        List<ServeEvent> calls = callsAbout(transfer);
        assertThat(calls).extracting(call -> call.getResponse().getStatus()).containsExactly(503, 201);
        assertThat(Duration.between(calls.get(0).getRequest().getLoggedDate().toInstant(),
                calls.get(1).getRequest().getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void publishesTheSubmissionBeforeTheCoresAnswerWithGaplessSequences() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(created(payment(transfer, "ACCEPTED", UUID.randomUUID().toString()))));

        submit(transfer, debtor);

        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);
        assertThat(kafka.envelopes(topics.partnerBankEvents()).stream()
                .filter(envelope -> envelope.subject().equals(transfer))
                .map(envelope -> envelope.type() + "#" + envelope.sequence()))
                .containsExactly("partner-bank.CorePaymentSubmitted.v1#0", "partner-bank.CorePaymentAccepted.v1#1");
        assertThat(submissionsOf(transfer)).hasSize(1);
    }

    @Test
    void publishesTheCoresRejectionWithItsReason() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(created(payment(transfer, "REJECTED", UUID.randomUUID().toString()))));

        submit(transfer, debtor);

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentRejected.class, transfer).reason())
                .isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void answersAgainWithoutCallingTheCoreWhenTransfersReportsTheAnswerOverdue() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        String paymentId = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(created(payment(transfer, "ACCEPTED", paymentId))));
        submit(transfer, debtor);
        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);

        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferCoreAnswerOverdue(transfer, debtor, 1,
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                kafka.events(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer).size() == 2);
        assertThat(kafka.events(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer))
                .extracting(CorePaymentAccepted::coreReference).containsOnly(paymentId);
        assertThat(callsAbout(transfer)).hasSize(1);
    }

    @Test
    void settlesAPaymentTheCoreNeverReceivedAsNotSubmittedAndNeverSubmitsItLater() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(get(PAYMENTS + "/" + transfer).willReturn(problem(404, "core-payment-not-found")));
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(created(payment(transfer, "ACCEPTED", UUID.randomUUID().toString()))));
        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferRequested(transfer, debtor,
                Creditor.bankAccount("9999", "1234567"), new Amount("25.00", "DKK"), "to a friend",
                "from a friend", null, Instant.now()));
        // the reservation's letter never reached the adapter (evicted, say): transfers asks for a resolution

        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferResolutionRequested(transfer, debtor,
                "the core's answer is overdue 3 times in a row", null, Instant.now()));

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentNotSubmitted.class, transfer).reason())
                .startsWith("NOT_SUBMITTED");
        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferFundsReserved(transfer, debtor,
                new Amount("25.00", "DKK"), Instant.now()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                submissionsOf(transfer).isEmpty());
        assertThat(kafka.events(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer)).isEmpty();
        assertThat(kafka.events(topics.partnerBankEvents(), CorePaymentSubmitted.class, transfer)).isEmpty();
        assertThat(callsAbout(transfer)).extracting(call -> call.getRequest().getMethod().getName() + " "
                + call.getResponse().getStatus()).containsExactly("GET 404");
    }

    @Test
    void settlesAPaymentTheResolutionFindsBookedAtTheCoreAsAccepted() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PROXY.stubFor(get(PAYMENTS + "/" + transfer).inScenario("resolve-" + transfer)
                .whenScenarioStateIs(STARTED).willReturn(problem(502, "core-error")));
        submit(transfer, debtor);
        await().atMost(Duration.ofSeconds(20)).until(() -> !submissionsOf(transfer).isEmpty());
        String paymentId = stubStatus(transfer, "ACCEPTED");

        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferResolutionRequested(transfer, debtor,
                "support: customer called", "support.alice", Instant.now()));

        assertThat(kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer).coreReference())
                .isEqualTo(paymentId);
        assertThat(submissionsOf(transfer)).hasSize(1);
    }

    @Test
    void showsEveryAttemptOfAnOperationInTheLog() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubStatus(transfer, "ACCEPTED");
        submit(transfer, debtor);
        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);

        List<CoreOperationSummary> logged = operations.listCoreOperations(null, transfer, null, null).getItems();
        assertThat(logged).singleElement().satisfies(summary -> {
            assertThat(summary.getStatus()).isEqualTo(CoreOperationStatus.COMPLETED);
            assertThat(summary.getAttempts()).isEqualTo(2);
        });
        CoreOperation operation = operations.getCoreOperation(logged.getFirst().getOperationId());
        assertThat(operation.getAttemptLog()).extracting(CoreOperationAttempt::getCall, CoreOperationAttempt::getOutcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST /core/v1/payments",
                                CoreOperationAttempt.OutcomeEnum.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("GET /core/v1/payments/" + transfer,
                                CoreOperationAttempt.OutcomeEnum.SUCCEEDED));
        assertThat(operation.getAttemptLog().getFirst().getHttpStatus()).isNull();
    }

    @Test
    void pagesTheOperationLogOfAnAccountNewestFirst() {
        String account = openAccount();
        PROXY.stubFor(put(accountPath(account) + "/record-type").willReturn(okJson(coreAccount(account, "OPEN"))));
        kafka.send(topics.accountsEvents(), "/accounts-service", new RecordTypeChangeRequested(account, "PERSONAL",
                "SAVINGS", Instant.now()));
        kafka.await(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account);

        var first = operations.listCoreOperations(account, null, 1, null);
        var second = operations.listCoreOperations(account, null, 1, first.getNextCursor());

        assertThat(first.getItems()).extracting(item -> item.getKind().getValue()).containsExactly("CHANGE_RECORD_TYPE");
        assertThat(second.getItems()).extracting(item -> item.getKind().getValue()).containsExactly("OPEN_ACCOUNT");
        assertThat(second.getNextCursor()).isNull();
    }

    @Test
    void answersProblemsForAnUnknownOperationAndABadLimit() {
        assertThatThrownBy(() -> operations.getCoreOperation("no-such-operation"))
                .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(404);
                    assertThat(refused.getResponseBodyAsString())
                            .contains("urn:banksuite:problem:core-operation-not-found");
                });
        assertThatThrownBy(() -> operations.listCoreOperations(null, null, 0, null))
                .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.getResponseBodyAsString()).contains("urn:banksuite:problem:invalid-request");
                });
    }

    @Test
    void publishesEachPostingEntryOnceHoweverOftenItIsSynced() {
        String account = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", absent())
                .willReturn(okJson("""
                        {"entries": [
                          {"entryId": "17", "amount": {"amount": "100.00", "currency": "DKK"}, "text": "salary",
                           "bookedAt": "2026-03-10T10:00:00Z"},
                          {"entryId": "18", "amount": {"amount": "-40.00", "currency": "DKK"}, "text": "rent",
                           "paymentKey": "%s", "bookedAt": "2026-03-10T10:05:00Z"}],
                         "nextCursor": "18"}""".formatted(transfer))));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", equalTo("18"))
                .willReturn(okJson("{\"entries\": [], \"nextCursor\": \"18\"}")));

        assertThat(entrySync.syncPostingEntries(account).getStatus().getValue()).isEqualTo("SCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                kafka.events(topics.partnerBankEvents(), CorePostingEntryBooked.class, account).size() == 2);
        entrySync.syncPostingEntries(account);
        await().atMost(Duration.ofSeconds(30)).until(() -> !PROXY.findAll(getRequestedFor(
                urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", equalTo("18"))).isEmpty());

        List<CorePostingEntryBooked> booked = kafka.events(topics.partnerBankEvents(), CorePostingEntryBooked.class,
                account);
        assertThat(booked).extracting(CorePostingEntryBooked::entryId, CorePostingEntryBooked::amount,
                        CorePostingEntryBooked::transferId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("17", new Amount("100.00", "DKK"), null),
                        org.assertj.core.groups.Tuple.tuple("18", new Amount("-40.00", "DKK"), transfer));
        assertThat(database.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?",
                Long.class, account)).as("snapshots every 2 events in this test").isPositive();
    }

    @Test
    void twoSyncsOfTheSameAccountAtOnceTakeEachEntryOnce() throws Exception {
        String account = openAccount();
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", absent())
                .willReturn(okJson("""
                        {"entries": [
                          {"entryId": "21", "amount": {"amount": "10.00", "currency": "DKK"}, "text": "a",
                           "bookedAt": "2026-03-10T10:00:00Z"},
                          {"entryId": "22", "amount": {"amount": "20.00", "currency": "DKK"}, "text": "b",
                           "bookedAt": "2026-03-10T10:01:00Z"}],
                         "nextCursor": "22"}""").withFixedDelay(500)));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", equalTo("22"))
                .willReturn(okJson("{\"entries\": [], \"nextCursor\": \"22\"}")));

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> entrySyncRun.sync(account));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> entrySyncRun.sync(account));
        first.get();
        second.get();

        assertThat(PROXY.findAll(getRequestedFor(urlPathEqualTo(accountPath(account) + "/entries"))
                .withQueryParam("after", absent()))).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                kafka.events(topics.partnerBankEvents(), CorePostingEntryBooked.class, account).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                kafka.events(topics.partnerBankEvents(), CorePostingEntryBooked.class, account).size() == 2);
        assertThat(kafka.events(topics.partnerBankEvents(), CorePostingEntryBooked.class, account))
                .extracting(CorePostingEntryBooked::entryId).containsExactly("21", "22");
    }

    @Test
    void fetchesEntriesAgainOnlyAfterRetryAfterWhenTheBatchLaneIsFull() {
        String account = openAccount();
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", absent())
                .inScenario(account).whenScenarioStateIs(STARTED).willSetStateTo("served")
                .willReturn(problem(503, "proxy-lane-full").withHeader("Retry-After", "1")));
        PROXY.stubFor(get(urlPathEqualTo(accountPath(account) + "/entries")).withQueryParam("after", absent())
                .inScenario(account).whenScenarioStateIs("served")
                .willReturn(okJson("""
                        {"entries": [{"entryId": "31", "amount": {"amount": "5.00", "currency": "DKK"}, "text": "c",
                                      "bookedAt": "2026-03-10T10:00:00Z"}], "nextCursor": "31"}""")));

        entrySync.syncPostingEntries(account);

        assertThat(kafka.await(topics.partnerBankEvents(), CorePostingEntryBooked.class, account).entryId())
                .isEqualTo("31");
        List<LoggedRequest> fetches = PROXY.findAll(getRequestedFor(urlPathEqualTo(accountPath(account) + "/entries")));
        assertThat(fetches).hasSize(2);
        assertThat(Duration.between(fetches.get(0).getLoggedDate().toInstant(),
                fetches.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void refusesAnEntrySyncOfAnAccountNotOpenAtTheCore() {
        assertThatThrownBy(() -> entrySync.syncPostingEntries(UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(404);
                    assertThat(refused.getResponseBodyAsString()).contains("urn:banksuite:problem:core-account-not-open");
                });
    }

    @Test
    void deadLettersTheReservationOfATransferItNeverSawRequested() {
        String transfer = UUID.randomUUID().toString();

        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferFundsReserved(transfer,
                UUID.randomUUID().toString(), new Amount("10.00", "DKK"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> database.queryForObject(
                "select count(*) from deadletterentry where sequenceidentifier = ?", Long.class, transfer) == 1);
        assertThat(PROXY.findAll(postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key",
                equalTo(transfer)))).isEmpty();
    }

    @Test
    void publishesGaplessSequencesPerAccountAlthoughInternalEventsAreStoredBetween() {
        String account = openAccount();
        PROXY.stubFor(put(accountPath(account) + "/record-type").willReturn(okJson(coreAccount(account, "OPEN"))));
        kafka.send(topics.accountsEvents(), "/accounts-service", new RecordTypeChangeRequested(account, "PERSONAL",
                "SAVINGS", Instant.now()));
        kafka.await(topics.partnerBankEvents(), CoreRecordTypeChanged.class, account);

        assertThat(kafka.envelopes(topics.partnerBankEvents()).stream()
                .filter(envelope -> envelope.subject().equals(account)).map(envelope -> envelope.sequence()))
                .containsExactly(0L, 1L);
    }

    @Test
    void keepsRetryingAnOperationTheCoreNeverAnswersAndShowsItAsOverdue() {
        String account = openAccount();
        PROXY.stubFor(post(accountPath(account) + "/closure").willReturn(problem(502, "core-error")));

        kafka.send(topics.accountsEvents(), "/accounts-service", new AccountClosureRequested(account, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> PROXY.findAll(postRequestedFor(
                urlEqualTo(accountPath(account) + "/closure"))).size() >= 3);
        CoreOperationSummary closure = operations.listCoreOperations(account, null, 1, null).getItems().getFirst();
        assertThat(closure.getKind().getValue()).isEqualTo("CLOSE_ACCOUNT");
        assertThat(closure.getStatus()).isEqualTo(CoreOperationStatus.IN_PROGRESS);
        assertThat(closure.getOutcome()).startsWith("UNKNOWN HTTP 502");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("adapter_core_operations_overdue\\{[^}]*\\} [1-9]")
                .containsPattern("adapter_core_attempts_total\\{[^}]*kind=\"CLOSE_ACCOUNT\",outcome=\"UNKNOWN\"[^}]*\\} [1-9]"));
        assertThat(kafka.events(topics.partnerBankEvents(), CoreAccountClosed.class, account)).isEmpty();
        assertThat(kafka.events(topics.partnerBankEvents(), CoreAccountClosureRefused.class, account)).isEmpty();
    }

    @Test
    void deadLettersARecordThatIsNoReadableEvent() {
        String subject = UUID.randomUUID().toString();
        var garbage = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topics.accountsEvents(),
                subject, "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        garbage.headers().add("ce_subject", subject.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "accounts.AccountOpened.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        kafka.sendRaw(garbage);

        await().atMost(Duration.ofSeconds(30)).until(() -> database.queryForObject(
                "select count(*) from deadletterentry where sequenceidentifier = ?", Long.class, subject) == 1);
    }

    @Test
    void callsTheProxyWithItsOwnServiceTokenFromTheIssuer() {
        String account = openAccount();

        tokenRequestsVerified();
        String authorization = openingsOf(account).getFirst().getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(
                authorization.substring("Bearer ".length()).split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"partner-bank-adapter\"").contains("\"partner-bank-proxy\"");
    }

    @Test
    void retriesAPaymentWhoseTokenTheProxyRefusedAndNeverTakesThatForTheCoresAnswer() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs(STARTED).willSetStateTo("forbidden")
                .willReturn(problem(401, "unauthorized").withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs("forbidden").willSetStateTo("served")
                .willReturn(problem(403, "forbidden")));
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .inScenario(transfer).whenScenarioStateIs("served")
                .willReturn(created(payment(transfer, "ACCEPTED", UUID.randomUUID().toString()))));

        submit(transfer, debtor);

        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);
        assertThat(callsAbout(transfer)).extracting(call -> call.getRequest().getMethod().getName() + " "
                + call.getResponse().getStatus()).containsExactly("POST 401", "POST 403", "POST 201");
        assertThat(kafka.envelopes(topics.partnerBankEvents()).stream()
                .filter(envelope -> envelope.subject().equals(transfer)).map(envelope -> envelope.type()))
                .containsExactly("partner-bank.CorePaymentSubmitted.v1", "partner-bank.CorePaymentAccepted.v1");
    }

    @Test
    void sendsNothingAndDecidesNothingWhileTheIssuerGivesNoTokenThenSubmitsOnce() {
        String debtor = openAccount();
        String transfer = UUID.randomUUID().toString();
        PROXY.stubFor(post(PAYMENTS).withHeader("Idempotency-Key", equalTo(transfer))
                .willReturn(created(payment(transfer, "ACCEPTED", UUID.randomUUID().toString()))));
        var issuerDown = PROXY.stubFor(post(TOKEN).atPriority(1).willReturn(serviceUnavailable()));
        authorizedClients.removeAuthorizedClient("core", "partner-bank-adapter");
        int asked = PROXY.findAll(postRequestedFor(urlEqualTo(TOKEN))).size();
        try {
            submit(transfer, debtor);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    PROXY.findAll(postRequestedFor(urlEqualTo(TOKEN))).size() >= asked + 2);
            assertThat(submissionsOf(transfer)).isEmpty();
            assertThat(operations.listCoreOperations(null, transfer, null, null).getItems()).singleElement()
                    .satisfies(summary -> assertThat(summary.getStatus()).isEqualTo(CoreOperationStatus.IN_PROGRESS));
        } finally {
            PROXY.removeStub(issuerDown);
        }

        kafka.await(topics.partnerBankEvents(), CorePaymentAccepted.class, transfer);
        assertThat(submissionsOf(transfer)).hasSize(1);
        assertThat(kafka.envelopes(topics.partnerBankEvents()).stream()
                .filter(envelope -> envelope.subject().equals(transfer)).map(envelope -> envelope.type()))
                .containsExactly("partner-bank.CorePaymentSubmitted.v1", "partner-bank.CorePaymentAccepted.v1");
    }

    private static void tokenRequestsVerified() {
        PROXY.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo(TOKEN))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("partner-bank-adapter",
                        TestIssuer.CLIENT_SECRET))
                .withRequestBody(containing("grant_type=client_credentials")));
    }

    @Test
    void answersItsHealthProbes() {
        RestClient http = RestClient.create("http://localhost:" + port);

        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
    }

    private String prometheus() {
        return RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestIssuer.get().support()).retrieve().body(String.class);
    }

    private String openAccount() {
        String account = UUID.randomUUID().toString();
        stubOpening(account);
        kafka.send(topics.accountsEvents(), "/accounts-service", opened(account));
        kafka.await(topics.partnerBankEvents(), CoreAccountOpened.class, account);
        await().atMost(Duration.ofSeconds(10)).until(() -> database.queryForObject(
                "select count(*) from core_account_view where account_id = ? and status = 'OPEN'", Long.class,
                account) == 1);
        return account;
    }

    private String stubOpening(String account) {
        return stubOpening(account, null);
    }

    private String stubOpening(String account, String state) {
        String number = Long.toString(nextAccountNumber++);
        var stub = post("/core/v1/accounts").withRequestBody(matchingJsonPath("$.externalId", equalTo(account)));
        if (state != null) {
            stub = stub.inScenario(account).whenScenarioStateIs(state);
        }
        PROXY.stubFor(stub.willReturn(created(coreAccountNumbered(account, number, "OPEN"))));
        numbers.put(account, number);
        return number;
    }

    private final java.util.Map<String, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();

    private String accountPath(String account) {
        return "/core/v1/accounts/1234/" + numbers.get(account);
    }

    /** Sends {@code event} as a reconstitution job of accounts-service replays it to this adapter. */
    private void replay(String jobId, org.banksuite.events.IntegrationEvent event) {
        var record = org.banksuite.events.CloudEventsKafka.toRecord(
                topics.reconstitution(org.banksuite.events.Receivers.PARTNER_BANK_ADAPTER),
                org.banksuite.events.EventEnvelope.of(UUID.randomUUID().toString(), "/accounts-service", Instant.now(),
                        0, event));
        record.headers().add(org.banksuite.events.CloudEventsKafka.RECONSTITUTION_JOB, jobId.getBytes());
        kafka.sendRaw(record);
    }

    private void submit(String transfer, String debtor) {
        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferRequested(transfer, debtor,
                Creditor.bankAccount("9999", "1234567"), new Amount("25.00", "DKK"), "to a friend",
                "from a friend", null, Instant.now()));
        kafka.send(topics.transfersEvents(), "/transfers-service", new TransferFundsReserved(transfer, debtor,
                new Amount("25.00", "DKK"), Instant.now()));
    }

    private String stubStatus(String transfer, String status) {
        String paymentId = UUID.randomUUID().toString();
        PROXY.stubFor(get(PAYMENTS + "/" + transfer).willReturn(okJson(payment(transfer, status, paymentId))));
        return paymentId;
    }

    private static List<LoggedRequest> openingsOf(String account) {
        return PROXY.findAll(postRequestedFor(urlEqualTo("/core/v1/accounts"))
                .withRequestBody(matchingJsonPath("$.externalId", equalTo(account))));
    }

    private static List<LoggedRequest> submissionsOf(String transfer) {
        return PROXY.findAll(postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(transfer)));
    }

    /** The submissions and status queries of this payment, oldest first. */
    private static List<ServeEvent> callsAbout(String transfer) {
        return PROXY.getAllServeEvents().stream()
                .filter(event -> transfer.equals(event.getRequest().getHeader("Idempotency-Key"))
                        || event.getRequest().getUrl().equals(PAYMENTS + "/" + transfer))
                .sorted(java.util.Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static AccountOpened opened(String account) {
        return new AccountOpened(account, "customer-1", "DKK", "PERSONAL", Instant.now());
    }

    private String coreAccount(String account, String status) {
        return coreAccountNumbered(account, numbers.get(account), status);
    }

    private static String coreAccountNumbered(String account, String number, String status) {
        return """
                {"registrationNumber": "1234", "accountNumber": "%s", "externalId": "%s", "recordType": "PERSONAL",
                 "currency": "DKK", "status": "%s", "balance": {"amount": "0.00", "currency": "DKK"}}"""
                .formatted(number, account, status);
    }

    private static String payment(String transfer, String status, String paymentId) {
        return """
                {"paymentId": "%s", "idempotencyKey": "%s", "status": "%s", %s
                 "debtor": {"registrationNumber": "1234", "accountNumber": "1"},
                 "creditor": {"registrationNumber": "9999", "accountNumber": "1234567"},
                 "amount": {"amount": "25.00", "currency": "DKK"}}"""
                .formatted(paymentId, transfer, status,
                        status.equals("REJECTED") ? "\"reason\": \"INSUFFICIENT_FUNDS\"," : "\"direction\": \"OUTGOING\",");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String json) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"urn:banksuite:problem:" + type + "\", \"status\": " + status
                        + ", \"detail\": \"as the proxy says\"}");
    }
}
