package org.banksuite.accounts.component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.events.Amount;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inbound events that fail go to Axon's sequenced dead-letter queue: never skipped, retried on a back-off
 * schedule (shortened here), never in a hot loop.
 */
@TestPropertySource(properties = {
        "suite.dead-letters.first-retry-after=PT1S",
        "suite.dead-letters.check-interval=PT0.5S"})
class DeadLetterIT extends ComponentTest {

    private static final String INBOUND = Inbox.PROCESSING_GROUP;

    @Autowired
    EventProcessingConfiguration processing;


    @Test
    void holdsBackOnlyTheFailedEntityAndRetriesByItselfOnceTheCauseIsGone() {
        UUID debtor = openActive("d-1", Currency.DKK);
        UUID creditor = open("d-2", Currency.DKK);
        UUID bystander = openActive("d-3", Currency.DKK);
        credit(debtor, "100.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("100.00"));
        String transfer = UUID.randomUUID().toString();
        transfersSay(new TransferRequested(transfer, debtor.toString(), Creditor.suiteAccount(creditor.toString()),
                dkk("30.00"), "rent", "rent", null, Instant.now()));
        awaitAccount(debtor, a -> a.getReservedBalance().getAmount().equals("30.00"));

        TransferBooked booked = new TransferBooked(transfer, debtor.toString(), creditor.toString(), dkk("30.00"),
                "rent", "rent", Instant.now());
        transfersSay(booked);
        await().atMost(PATIENCE).until(() -> deadLetters().contains(transfer));
        transfersSay(booked);
        credit(bystander, "7.00", Currency.DKK);

        awaitAccount(bystander, a -> a.getBookedBalance().getAmount().equals("7.00"));
        await().atMost(PATIENCE).until(() -> deadLetters().sequenceSize(transfer) == 2);
        assertThat(accounts.getAccount(creditor, null).getBookedBalance().getAmount()).isEqualTo("0.00");

        activate(creditor);

        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("30.00"));
        assertThat(deadLetters().contains(transfer)).isFalse();
        assertThat(awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("70.00"))
                .getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(accounts.listPostings(creditor, null, null).getItems()).hasSize(1);
    }

    @Test
    void deadLettersARecordThatCannotBeReadAndKeepsOtherEntitiesFlowing() {
        UUID other = openActive("d-4", Currency.DKK);
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(topics.partnerBankEvents(), "broken-entity",
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "partner-bank.Nonsense.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);
        credit(other, "3.00", Currency.DKK);

        awaitAccount(other, a -> a.getBookedBalance().getAmount().equals("3.00"));
        await().atMost(PATIENCE).until(() -> deadLetters().contains("broken-entity"));
        assertThat(prometheus()).containsPattern("inbound_dead_letter_sequences\\{[^}]*} [1-9]");
    }

    private String prometheus() {
        return org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/prometheus").header("Authorization", bearer(issuer.support()))
                .retrieve().body(String.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.00", "-5.00", "12.345"})
    void deadLettersAReservationOfAnAmountThatIsNotPositiveOrTooPreciseAndChangesNoBalance(String amount) {
        UUID debtor = openActive("d-5-" + amount, Currency.DKK);
        credit(debtor, "20.00", Currency.DKK);
        awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("20.00"));
        String transfer = UUID.randomUUID().toString();

        producer.send(rawTransferRequested(transfer, debtor, amount));

        await().atMost(PATIENCE).until(() -> deadLetters().contains(transfer));
        credit(debtor, "1.00", Currency.DKK);
        var account = awaitAccount(debtor, a -> a.getBookedBalance().getAmount().equals("21.00"));
        assertThat(account.getReservedBalance().getAmount()).isEqualTo("0.00");
        assertThat(account.getAvailableBalance().getAmount()).isEqualTo("21.00");
    }

    /** Written by hand: the contract's own records refuse to carry an over-precise amount. */
    private ProducerRecord<String, byte[]> rawTransferRequested(String transfer, UUID debtor, String amount) {
        String json = """
                {"transferId": "%s", "debtorAccountId": "%s", "creditor": {"registrationNumber": "1234",
                 "accountNumber": "99"}, "amount": {"amount": "%s", "currency": "DKK"}, "debtorText": "x",
                 "creditorText": "y", "requestedAt": "2026-11-22T10:00:00Z"}""".formatted(transfer, debtor, amount);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.transfersEvents(), transfer,
                json.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/transfers-service");
        header(record, "ce_type", "transfers.TransferRequested.v1");
        header(record, "ce_subject", transfer);
        header(record, "ce_time", "2026-11-22T10:00:00Z");
        header(record, "ce_sequence", "0");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void activate(UUID accountId) {
        send(topics.partnerBankEvents(), EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter",
                Instant.now(), 0, new org.banksuite.events.partnerbank.v1.CoreAccountOpened(accountId.toString(),
                        "1234", "42", Instant.now())));
        awaitAccount(accountId, a -> a.getStatus().getValue().equals("ACTIVE"));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetters() {
        return processing.deadLetterQueue(INBOUND).orElseThrow();
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
