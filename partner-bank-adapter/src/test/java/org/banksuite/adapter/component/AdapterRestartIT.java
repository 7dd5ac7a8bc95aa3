package org.banksuite.adapter.component;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.banksuite.events.Amount;
import org.banksuite.events.Topics;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestIssuer;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The adapter as it runs in production, from its jar: killed with {@code kill -9} while a payment waits for the
 * proxy's Retry-After (the wait is a deadline in PostgreSQL, so the restarted adapter submits when it is due, once),
 * and fetching posting entries on its own schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdapterRestartIT {

    private final WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort());
    private ServiceProcess adapter;
    private TestDatabase database;
    private ForeignEvents kafka;
    private String prefix;

    @BeforeAll
    void start() throws Exception {
        proxy.start();
        TestInfrastructure infrastructure = TestInfrastructure.get();
        prefix = infrastructure.newTopicPrefix("adapter-restart");
        kafka = new ForeignEvents(infrastructure.kafkaBootstrapServers());
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--suite.topics.prefix=" + prefix, "--adapter.proxy.base-url=" + proxy.baseUrl(),
                "--adapter.entries.sync-interval=PT2S", "--adapter.scheduler.polling-interval=PT0.2S",
                // the killed adapter's consumer stays in the group until its session times out, and the restarted
                // one gets no partition before that: Kafka's default of 45 s held up every test after the kill
                "--spring.kafka.consumer.properties[session.timeout.ms]=6000",
                "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000"));
        arguments.addAll(List.of(TestIssuer.get().springArguments()));
        arguments.addAll(List.of(TestIssuer.get().clientArguments("core", "partner-bank-adapter")));
        database = infrastructure.newDatabase("adapter");
        adapter = ServiceProcess.start("partner-bank-adapter", database, arguments.toArray(String[]::new));
    }

    @AfterAll
    void stop() throws Exception {
        adapter.close();
        kafka.close();
        proxy.stop();
    }

    @Test
    void submitsAPaymentWaitingForRetryAfterOnceAfterAKillAndRestart() throws Exception {
        String debtor = UUID.randomUUID().toString();
        String transfer = UUID.randomUUID().toString();
        proxy.stubFor(post("/core/v1/accounts").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"registrationNumber": "1234", "accountNumber": "3000001", "externalId": "%s",
                         "recordType": "PERSONAL", "currency": "DKK", "status": "OPEN",
                         "balance": {"amount": "0.00", "currency": "DKK"}}""".formatted(debtor))));
        proxy.stubFor(post("/core/v1/payments").inScenario("payment").whenScenarioStateIs(STARTED)
                .willSetStateTo("served").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "6")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\": \"urn:banksuite:problem:proxy-quota-exhausted\", \"status\": 429}")));
        String paymentId = UUID.randomUUID().toString();
        proxy.stubFor(post("/core/v1/payments").inScenario("payment").whenScenarioStateIs("served")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"paymentId": "%s", "idempotencyKey": "%s", "status": "ACCEPTED", "direction": "OUTGOING",
                         "debtor": {"registrationNumber": "1234", "accountNumber": "3000001"},
                         "creditor": {"registrationNumber": "9999", "accountNumber": "1234567"},
                         "amount": {"amount": "25.00", "currency": "DKK"}}""".formatted(paymentId, transfer))));

        kafka.send(prefix + Topics.ACCOUNTS_EVENTS, "/accounts-service",
                new AccountOpened(debtor, "customer-1", "DKK", "PERSONAL", Instant.now()));
        kafka.await(prefix + Topics.PARTNER_BANK_EVENTS, CoreAccountOpened.class, debtor);
        kafka.send(prefix + Topics.TRANSFERS_EVENTS, "/transfers-service", new TransferRequested(transfer, debtor,
                Creditor.bankAccount("9999", "1234567"), new Amount("25.00", "DKK"), "rent", "rent", null,
                Instant.now()));
        kafka.send(prefix + Topics.TRANSFERS_EVENTS, "/transfers-service", new TransferFundsReserved(transfer, debtor,
                new Amount("25.00", "DKK"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> submissions(transfer).size() == 1);
        // the attempt's transaction, which schedules the next one after Retry-After, committed before the crash
        await().atMost(Duration.ofSeconds(30)).until(this::aCallIsScheduledForLater);
        adapter.kill();
        adapter.restart();

        assertThat(kafka.await(prefix + Topics.PARTNER_BANK_EVENTS, CorePaymentAccepted.class, transfer)
                .coreReference()).isEqualTo(paymentId);
        List<LoggedRequest> calls = submissions(transfer);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(5_900));
        assertThat(kafka.events(prefix + Topics.PARTNER_BANK_EVENTS, CorePaymentAccepted.class, transfer)).hasSize(1);
    }

    @Test
    void fetchesNewPostingEntriesOnItsOwnSchedule() {
        String account = UUID.randomUUID().toString();
        proxy.stubFor(post("/core/v1/accounts").withRequestBody(matchingJsonPath("$.externalId", equalTo(account)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"registrationNumber": "1234", "accountNumber": "3000002", "externalId": "%s",
                         "recordType": "PERSONAL", "currency": "DKK", "status": "OPEN",
                         "balance": {"amount": "0.00", "currency": "DKK"}}""".formatted(account))));
        proxy.stubFor(get(urlPathEqualTo("/core/v1/accounts/1234/3000002/entries")).withQueryParam("after", absent())
                .willReturn(okJson("""
                        {"entries": [{"entryId": "7", "amount": {"amount": "42.00", "currency": "DKK"},
                                      "text": "incoming", "bookedAt": "2026-03-10T10:00:00Z"}], "nextCursor": "7"}""")));
        proxy.stubFor(get(urlPathEqualTo("/core/v1/accounts/1234/3000002/entries")).withQueryParam("after", equalTo("7"))
                .willReturn(okJson("{\"entries\": [], \"nextCursor\": \"7\"}")));

        kafka.send(prefix + Topics.ACCOUNTS_EVENTS, "/accounts-service",
                new AccountOpened(account, "customer-2", "DKK", "PERSONAL", Instant.now()));

        CorePostingEntryBooked booked = kafka.await(prefix + Topics.PARTNER_BANK_EVENTS, CorePostingEntryBooked.class,
                account);
        assertThat(booked.amount()).isEqualTo(new Amount("42.00", "DKK"));
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy.findAll(getRequestedFor(
                urlPathEqualTo("/core/v1/accounts/1234/3000002/entries")).withQueryParam("after", equalTo("7")))
                .size() >= 2);
        assertThat(kafka.events(prefix + Topics.PARTNER_BANK_EVENTS, CorePostingEntryBooked.class, account)).hasSize(1);
    }

    /** A deadline (not the entry sync) is due later in the adapter's db-scheduler table: the call after Retry-After. */
    private boolean aCallIsScheduledForLater() throws Exception {
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             var query = connection.prepareStatement("""
                     select count(*) from scheduled_tasks where task_name not like 'sync-%'
                     and execution_time > now()""");
             var result = query.executeQuery()) {
            return result.next() && result.getLong(1) > 0;
        }
    }

    private List<LoggedRequest> submissions(String transfer) {
        return proxy.findAll(postRequestedFor(urlEqualTo("/core/v1/payments"))
                .withHeader("Idempotency-Key", equalTo(transfer)));
    }
}
