package org.banksuite.accounts.component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.model.DeadLetterSequence;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.TransferCoreAnswerOverdue;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that can never be stored as they are do not block their partition: each goes to {@code <topic>.dlt} and the
 * dead-letter list once, and the record behind them on the same partition is handled. Automatic retries are pushed
 * out of the way, so what is listed is what arrived.
 */
@TestPropertySource(properties = "suite.dead-letters.first-retry-after=PT1H")
class PoisonRecordIT extends ComponentTest {

    private static final int PARTITION = 0;

    DeadLettersApi deadLetters;

    @BeforeEach
    void connectOps() {
        deadLetters = new DeadLettersApi(opsClient(issuer.support()));
    }

    @Test
    void deadLettersEachRecordThatCannotBeStoredOnceAndMovesThePartitionOn() {
        UUID bystander = openActive("poison-1", Currency.DKK);
        String longId = "k-long-id-" + UUID.randomUUID();
        String controlCharacter = "k-control-" + UUID.randomUUID();
        String wrongTopic = "k-wrong-topic-" + UUID.randomUUID();
        String wrongSource = "k-wrong-source-" + UUID.randomUUID();

        ProducerRecord<String, byte[]> overLongId = entry(longId, "/partner-bank-adapter");
        overLongId.headers().remove(CloudEventsKafka.ID).add(CloudEventsKafka.ID, bytes("x".repeat(300)));
        ProducerRecord<String, byte[]> bell = entry(controlCharacter, "/partner-bank-adapter");
        bell.headers().remove(CloudEventsKafka.SUBJECT).add(CloudEventsKafka.SUBJECT, bytes("acc\u0007\u0000"));
        ProducerRecord<String, byte[]> transfersTypeHere = onPartition(wrongTopic, new TransferCoreAnswerOverdue(
                wrongTopic, UUID.randomUUID().toString(), 1, Instant.now()), "/transfers-service");
        ProducerRecord<String, byte[]> fromTransfers = entry(wrongSource, "/transfers-service");
        for (ProducerRecord<String, byte[]> bad : List.of(overLongId, bell, transfersTypeHere, fromTransfers)) {
            producer.send(bad);
        }
        producer.send(onPartition(bystander.toString(), new CorePostingEntryBooked(bystander.toString(),
                UUID.randomUUID().toString(), new Amount("9.00", "DKK"), "behind the bad ones", null, Instant.now()),
                "/partner-bank-adapter"));

        awaitAccount(bystander, a -> a.getBookedBalance().getAmount().equals("9.00"));
        List<DeadLetterSequence> unreadable = await().atMost(PATIENCE)
                .until(() -> deadLetters.listDeadLetterSequences(Inbox.PROCESSING_GROUP, null,
                        "UnreadableInboundRecord", null, 100, null).getItems(), items -> items.size() >= 4);
        Map<String, Long> onDeadLetterTopic = deadLetterTopic().stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));

        assertThat(onDeadLetterTopic).containsEntry(longId, 1L).containsEntry(controlCharacter, 1L)
                .containsEntry(wrongTopic, 1L).containsEntry(wrongSource, 1L)
                .doesNotContainKey(bystander.toString());
        Map<String, DeadLetterSequence> bySequence = unreadable.stream()
                .collect(Collectors.toMap(DeadLetterSequence::getSequenceId, Function.identity()));
        assertThat(bySequence).hasSize(4).containsKeys(longId, wrongTopic, wrongSource);
        assertThat(bySequence.values()).allSatisfy(sequence -> assertThat(sequence.getLetters()).isEqualTo(1));
        assertThat(bySequence.get(longId).getCause().getMessage()).contains("ce_id is 300 characters long");
        assertThat(bySequence.get(wrongTopic).getCause().getMessage()).contains("belongs on transfers.events");
        assertThat(bySequence.get(wrongSource).getCause().getMessage()).contains("comes only from");
        String controlSequence = bySequence.keySet().stream()
                .filter(id -> !List.of(longId, wrongTopic, wrongSource).contains(id)).findFirst().orElseThrow();
        assertThat(controlSequence).as("a malformed ce_subject is not used as the sequence")
                .matches(java.util.regex.Pattern.quote(topics.partnerBankEvents()) + "-" + PARTITION + "@\\d+");
        assertThat(deadLetters.getDeadLetterSequence(controlSequence, Inbox.PROCESSING_GROUP).getLetters()
                .getFirst().getPayload()).containsEntry("key", controlCharacter);
    }

    private ProducerRecord<String, byte[]> entry(String key, String source) {
        return onPartition(key, new CorePostingEntryBooked(key, UUID.randomUUID().toString(),
                new Amount("1.00", "DKK"), "bad", null, Instant.now()), source);
    }

    /** The record as a producer would write it, pinned to one partition of {@code partner-bank.events}. */
    private ProducerRecord<String, byte[]> onPartition(String key, IntegrationEvent event, String source) {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(topics.partnerBankEvents(),
                EventEnvelope.of(UUID.randomUUID().toString(), source, Instant.now(), 0, event));
        return new ProducerRecord<>(record.topic(), PARTITION, key, record.value(), record.headers());
    }

    private List<ConsumerRecord<String, byte[]>> deadLetterTopic() {
        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            return probe.drain(topics.partnerBankEvents() + ".dlt", Duration.ofSeconds(2));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
