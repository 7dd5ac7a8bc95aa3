package org.banksuite.accounts.component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.events.Amount;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inbound events that fail go to Axon's sequenced dead-letter queue: never skipped, never retried in a hot loop. */
class DeadLetterIT extends ComponentTest {

    private static final String INBOUND = "account-inbound";

    @Autowired
    EventProcessingConfiguration processing;


    @Test
    void holdsBackOnlyTheFailedEntityAndCatchesUpInOrderOnceRetriedAfterTheFix() {
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
        assertThat(accounts.getAccount(creditor).getBookedBalance().getAmount()).isEqualTo("0.00");

        activate(creditor);
        boolean retried = retrier().process(letter -> letter.message().getPayload() instanceof TransferBooked retry
                && retry.transferId().equals(transfer));

        assertThat(retried).isTrue();
        assertThat(deadLetters().contains(transfer)).isFalse();
        awaitAccount(creditor, a -> a.getBookedBalance().getAmount().equals("30.00"));
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

    private SequencedDeadLetterProcessor<EventMessage<?>> retrier() {
        return processing.sequencedDeadLetterProcessor(INBOUND).orElseThrow();
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
