package org.banksuite.endtoend;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.core.client.CoreApi;
import org.banksuite.api.core.client.invoker.ApiClient;
import org.banksuite.api.core.client.model.AccountRef;
import org.banksuite.api.core.client.model.CorePaymentRequest;
import org.banksuite.api.core.client.model.Money;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchResolved;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.ReconciliationSteps;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TopicCensus;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A debit the suite never asked for (a payment made at the core through another channel, under the payer's own
 * payment key) is synced while accounts-service is down (every replica paused): reconciliation-service, reading only the event streams,
 * publishes the unbooked core entry once it outlasts its grace period and lists it, and publishes its resolution
 * once accounts-service is back and has booked the entry.
 */
@ExtendWith(TheSuite.class)
@Isolated
class HiddenCoreEntryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(150);

    @Test
    void publishesAHiddenCoreDebitAsAMismatchAndItsResolutionOnceBooked(RunningSuite suite) throws Exception {
        SuiteClients clients = suite.clients();
        AccountSteps accounts = new AccountSteps(clients, PATIENCE);
        CoreSteps core = new CoreSteps(clients);
        ReconciliationSteps reconciliation = new ReconciliationSteps(suite.endpoints().reconciliationUrl(),
                suite.tokens().client(AccessTokens.SUPPORT_AGENT));
        DemoAccount account = accounts.openActive("Hilda", "hidden-" + UUID.randomUUID(), Currency.DKK);
        core.injectIncomingPayment(account, Amounts.of("100.00"), "opening deposit");
        core.requestEntrySync(account);
        accounts.awaitBookedBalance(account, Amounts.of("100.00"));
        awaitPublishedPosting(suite, account);

        ServiceReplicas accountsService = suite.service("accounts-service");
        accountsService.pause();
        Stopwatch stopwatch = new Stopwatch("accounts-service paused (SIGSTOP, every replica) with the deposit published");
        boolean resumed = false;
        try {
            String paymentKey = "NETBANK-" + UUID.randomUUID();
            new CoreApi(new ApiClient(ApiClient.buildRestClientBuilder().requestInterceptor(AccessTokens.bearer(
                    suite.tokens().client(RunningSuite.PROXY))).build()).setBasePath(suite.endpoints().simulatorUrl()))
                    .submitCorePayment(paymentKey,
                    new CorePaymentRequest()
                            .debtor(new AccountRef().registrationNumber(account.registrationNumber())
                                    .accountNumber(account.accountNumber()))
                            .creditor(new AccountRef().registrationNumber("5301").accountNumber("4455667788"))
                            .amount(new Money().amount("30.00").currency("DKK")).text("card, other channel"));
            core.requestEntrySync(account);

            try (KafkaTopicProbe probe = new KafkaTopicProbe(suite.kafkaBootstrapServers(), suite.observerProbe())) {
                List<IntegrationEvent> raised = Polling.until("the hidden debit on reconciliation.events", PATIENCE,
                        () -> mismatchEvents(probe, suite, account), events -> !events.isEmpty());
                assertThat(raised).singleElement().isInstanceOfSatisfying(ReconciliationMismatchDetected.class, detected -> {
                    assertThat(detected.kind()).isEqualTo("UNBOOKED_CORE_ENTRY");
                    assertThat(detected.reference()).isEqualTo(paymentKey + "/debit");
                    assertThat(detected.coreAmount().amount()).isEqualTo("-30.00");
                });
                assertThat(reconciliation.openMismatches()).anyMatch(line -> line.contains(paymentKey + "/debit"));
                stopwatch.lap("the hidden debit published and listed");

                accountsService.resume(PATIENCE);
                resumed = true;
                stopwatch.lap("accounts-service resumed and ready");
                accounts.awaitBookedBalance(account, Amounts.of("70.00"));
                stopwatch.lap("the hidden debit booked");
                List<IntegrationEvent> events = Polling.until("the mismatch resolved on reconciliation.events", PATIENCE,
                        () -> mismatchEvents(probe, suite, account), all -> all.size() >= 2);
                stopwatch.lap("its resolution published");

                String mismatchId = ((ReconciliationMismatchDetected) raised.getFirst()).mismatchId();
                assertThat(events).hasSize(2).last().isInstanceOfSatisfying(ReconciliationMismatchResolved.class,
                        resolved -> assertThat(resolved.mismatchId()).isEqualTo(mismatchId));
                assertThat(reconciliation.openMismatches()).noneMatch(line -> line.contains(account.accountId().toString()));
                assertThat(core.balance(account)).isEqualByComparingTo(new BigDecimal("70.00"));
            }
        } finally {
            if (!resumed) {
                accountsService.resume(PATIENCE);
            }
        }
    }

    /**
     * The view shows a booking before the publisher has put its posting on the topic; accounts-service paused in
     * between would keep the deposit off the topic until it resumes, and reconciliation would rightly raise it too.
     */
    private static void awaitPublishedPosting(RunningSuite suite, DemoAccount account) {
        try (TopicCensus topic = new TopicCensus(suite.kafkaBootstrapServers(), suite.endpoints().kafkaClientProperties())) {
            Polling.until("the deposit's posting on accounts.events", PATIENCE,
                    () -> topic.records(suite.endpoints().topic(Topics.ACCOUNTS_EVENTS)).stream()
                            .map(record -> CloudEventsKafka.fromRecord(record).event())
                            .anyMatch(event -> event instanceof PostingBooked posting
                                    && posting.accountId().equals(account.accountId().toString())),
                    published -> published);
        }
    }

    private static List<IntegrationEvent> mismatchEvents(KafkaTopicProbe probe, RunningSuite suite,
                                                         DemoAccount account) {
        List<ConsumerRecord<String, byte[]>> records = probe.drain(suite.endpoints().topic(Topics.RECONCILIATION_EVENTS),
                Duration.ofSeconds(1));
        // delivery is at least once: a record published again (a replica's retried transaction) has the same ce_id
        Map<String, IntegrationEvent> byId = new LinkedHashMap<>();
        records.stream().map(CloudEventsKafka::fromRecord)
                .forEach(envelope -> byId.putIfAbsent(envelope.id(), envelope.event()));
        return byId.values().stream()
                .filter(event -> account.accountId().toString().equals(switch (event) {
                    case ReconciliationMismatchDetected detected -> detected.accountId();
                    case ReconciliationMismatchResolved resolved -> resolved.accountId();
                    default -> null;
                }))
                .toList();
    }
}
