package org.banksuite.endtoend;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.transfers.client.TransfersApi;
import org.banksuite.api.transfers.client.invoker.ApiClient;
import org.banksuite.api.transfers.client.model.CreateTransferRequest;
import org.banksuite.api.transfers.client.model.MoneyInput;
import org.banksuite.events.Topics;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.Amounts;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.TransferSteps;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BFF sends a transfer with its own W3C {@code traceparent}: every record the transfer causes on the topics
 * carries that trace, and transfers-service, accounts-service, the adapter and the proxy each export spans of it over
 * OTLP, so one trace shows the way from the BFF's request to the core's answer.
 */
@ExtendWith(TheSuite.class)
@ResourceLock(value = RunningSuite.CORE_FAULT_SETTINGS, mode = ResourceAccessMode.READ)
class TracesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /**
     * The events the request sets off, hop by hop. (The postings may be booked by the core's entry as the entry sync
     * finds it, in the sync's own trace, so they are not among them.)
     */
    private static final Set<String> CAUSED_BY_THE_REQUEST = Set.of("transfers.TransferRequested.v1",
            "accounts.FundsReserved.v1", "transfers.TransferFundsReserved.v1", "partner-bank.CorePaymentSubmitted.v1",
            "partner-bank.CorePaymentAccepted.v1", "transfers.TransferBooked.v1");
    private static final Set<String> SERVICES =
            Set.of("transfers-service", "accounts-service", "partner-bank-adapter", "partner-bank-proxy");

    @Test
    void oneTraceRunsFromTheBffsRequestThroughEveryServiceToTheCoresAnswer(RunningSuite suite) {
        AccountSteps accounts = new AccountSteps(suite.clients(), PATIENCE);
        DemoAccount payer = accounts.openActive("Tara", "tara-" + UUID.randomUUID(), Currency.DKK);
        DemoAccount payee = accounts.openActive("Ulrik", "ulrik-" + UUID.randomUUID(), Currency.DKK);
        CoreSteps core = new CoreSteps(suite.clients());
        core.injectIncomingPayment(payer, Amounts.of("100.00"), "pocket money");
        core.requestEntrySync(payer);
        accounts.awaitBookedBalance(payer, Amounts.of("100.00"));
        String traceId = randomHex(16);

        TransfersApi bff = transfersAs(suite, payer.customerId(), "00-" + traceId + "-" + randomHex(8) + "-01");

        UUID transferId = bff.createTransfer(UUID.randomUUID().toString(), new CreateTransferRequest()
                        .debtorAccountId(payer.accountId()).creditor(TransferSteps.toAccount(payee))
                        .amount(new MoneyInput().amount("25.00").currency("DKK"))
                        .debtorText("traced").creditorText("traced"))
                .getTransferId();
        assertThat(Polling.until("transfer " + transferId + " final", PATIENCE,
                () -> bff.getTransfer(transferId, null), TransferSteps::isFinal).getStatus()).hasToString("BOOKED");

        try (KafkaTopicProbe probe = new KafkaTopicProbe(suite.kafkaBootstrapServers(), suite.observerProbe())) {
            // each service publishes from its own processor, on whichever replica holds the segment: a view may show
            // BOOKED a moment before the last record is on its topic
            List<ConsumerRecord<String, byte[]>> causedByTheRequest = Polling.until(
                    "the records the transfer's request caused", PATIENCE,
                    () -> recordsOf(probe, suite, transferId).stream()
                            .filter(record -> CAUSED_BY_THE_REQUEST.contains(header(record, "ce_type"))).toList(),
                    records -> records.stream().map(record -> header(record, "ce_type")).collect(Collectors.toSet())
                            .containsAll(CAUSED_BY_THE_REQUEST));
            assertThat(causedByTheRequest).extracting(record -> header(record, "ce_type"))
                    .containsAll(CAUSED_BY_THE_REQUEST);
            assertThat(causedByTheRequest).allSatisfy(record -> assertThat(header(record, "traceparent"))
                    .as(header(record, "ce_type")).startsWith("00-" + traceId + "-"));
        }
        assertThat(Polling.until("every service's spans of trace " + traceId, PATIENCE,
                () -> suite.traces().servicesWithSpansOf(traceId, SERVICES), SERVICES::equals))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(KafkaTopicProbe probe, RunningSuite suite,
                                                                 UUID transferId) {
        return List.of(Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS, Topics.ACCOUNTS_EVENTS).stream()
                .flatMap(topic -> probe.drain(suite.endpoints().topic(topic), Duration.ofSeconds(1)).stream())
                .filter(record -> record.key().equals(transferId.toString())
                        || new String(record.value(), StandardCharsets.UTF_8).contains(transferId.toString()))
                .toList();
    }

    private static TransfersApi transfersAs(RunningSuite suite, String customerId, String traceparent) {
        return new TransfersApi(new ApiClient(ApiClient.buildRestClientBuilder()
                .requestInterceptor(AccessTokens.bearer(suite.tokens().customer(customerId)))
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set("traceparent", traceparent);
                    return execution.execute(request, body);
                }).build()).setBasePath(suite.endpoints().transfersUrl()));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
