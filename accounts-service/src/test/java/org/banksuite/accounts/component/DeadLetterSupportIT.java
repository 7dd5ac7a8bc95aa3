package org.banksuite.accounts.component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;
import org.banksuite.api.ops.client.AuditApi;
import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.invoker.ApiClient;
import org.banksuite.api.ops.client.model.AuditAction;
import org.banksuite.api.ops.client.model.AuditEntry;
import org.banksuite.api.ops.client.model.DeadLetter;
import org.banksuite.api.ops.client.model.DeadLetterSequence;
import org.banksuite.api.ops.client.model.EvictionRequest;
import org.banksuite.api.ops.client.model.RetryOutcome;
import org.banksuite.api.ops.client.model.RetryRequest;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.events.Amount;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.kit.inbox.InboundEvents;
import org.banksuite.kit.inbox.UnreadableInboundRecord;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Support's dead-letter API ({@code /ops/v1}) on the running service: what it lists and shows, retries that process
 * a sequence in order once the cause is gone, evictions with a reason, the audit log, the {@code .dlt} topic, the
 * refusals, and the {@code ./support} script. Automatic retries are pushed out of the way, so only support retries.
 */
@TestPropertySource(properties = "suite.dead-letters.first-retry-after=PT1H")
class DeadLetterSupportIT extends ComponentTest {

    private static final String SUPPORT_USER = "ops-anna";

    @Autowired
    EventStore eventStore;
    DeadLettersApi deadLetters;
    AuditApi audit;
    JsonHttp http;

    @BeforeEach
    void connectOps() {
        ApiClient client = new ApiClient().setBasePath("http://localhost:" + port);
        deadLetters = new DeadLettersApi(client);
        audit = new AuditApi(client);
        http = new JsonHttp("http://localhost:" + port);
    }

    @Test
    void holdsBackAPoisonedEntityAndProcessesItsEventsInOrderWhenSupportRetriesAfterTheFix() {
        UUID account = openActive("s-1", Currency.DKK);
        UUID bystander = openActive("s-2", Currency.DKK);
        String poison = coreSays(new CoreRecordTypeChanged(account.toString(), "BUSINESS", Instant.now()));
        awaitSequence(account.toString(), 1);
        credit(account, "5.00", Currency.DKK);
        credit(account, "7.00", Currency.DKK);
        credit(bystander, "3.00", Currency.DKK);

        awaitAccount(bystander, a -> a.getBookedBalance().getAmount().equals("3.00"));
        DeadLetterSequence listed = awaitSequence(account.toString(), 3);
        assertThat(listed.getEventType()).isEqualTo("partner-bank.CoreRecordTypeChanged.v1");
        assertThat(listed.getCause().getMessage()).contains("the core confirmed BUSINESS");
        assertThat(listed.getAttempts()).isEqualTo(1);
        List<DeadLetter> letters = deadLetters.getDeadLetterSequence(account.toString(), null).getLetters();
        assertThat(letters).extracting(DeadLetter::getEventType).containsExactly(
                "partner-bank.CoreRecordTypeChanged.v1", "partner-bank.CorePostingEntryBooked.v1",
                "partner-bank.CorePostingEntryBooked.v1");
        assertThat(letters.getFirst().getEventId()).isEqualTo(poison);
        assertThat(letters.getFirst().getPayload()).containsEntry("recordType", "BUSINESS");
        assertThat(letters.get(1).getMetadata()).containsEntry("ce_subject", account.toString())
                .containsEntry("kafka_topic", topics.partnerBankEvents());
        assertThat(letters.get(1).getCause()).isNull();
        assertThat(accounts.getAccount(account).getBookedBalance().getAmount()).isEqualTo("0.00");

        RetryOutcome stillFailing = deadLetters.retryDeadLetterSequence(account.toString(), SUPPORT_USER, null, null);
        assertThat(stillFailing.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.STILL_FAILING);
        assertThat(stillFailing.getRemainingLetters()).isEqualTo(3);
        assertThat(stillFailing.getCause().getMessage()).contains("the core confirmed BUSINESS");
        assertThat(deadLetters.getDeadLetterSequence(account.toString(), null).getLetters().getFirst().getAttempts())
                .isEqualTo(2);

        accounts.requestRecordTypeChange(account, new RecordTypeChangeRequest().recordType(RecordType.BUSINESS));
        RetryOutcome processed = deadLetters.retryDeadLetterSequence(account.toString(), SUPPORT_USER, null,
                new RetryRequest().reason("record-type change requested by the BFF"));

        assertThat(processed.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.PROCESSED);
        assertThat(processed.getRemainingLetters()).isZero();
        var fixed = awaitAccount(account, a -> a.getBookedBalance().getAmount().equals("12.00"));
        assertThat(fixed.getRecordType()).isEqualTo(RecordType.BUSINESS);
        assertThat(accounts.listPostings(account, null, null).getItems())
                .extracting(posting -> posting.getAmount().getAmount()).containsExactly("7.00", "5.00");
        assertThat(listed(account.toString())).isEmpty();
        assertThat(audit.listAuditEntries(account.toString(), null, null, null).getItems())
                .extracting(AuditEntry::getAction, AuditEntry::getSupportUser, AuditEntry::getOutcome)
                .startsWith(org.assertj.core.groups.Tuple.tuple(AuditAction.RETRY, SUPPORT_USER, "PROCESSED"));
    }

    @Test
    void listsAnUnreadableRecordPublishesItToTheDeadLetterTopicAndEvictsItWithAReason() {
        String entity = "broken-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(topics.partnerBankEvents(), entity,
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "partner-bank.Nonsense.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);

        DeadLetterSequence listed = awaitSequence(entity, 1);
        assertThat(listed.getEventType()).isEqualTo("UnreadableInboundRecord");
        assertThat(listed.getCause().getType()).endsWith("UnreadableInboundRecordException");
        assertThat(deadLetters.listDeadLetterSequences(null, null, "UnreadableInboundRecord", null, 200, null)
                .getItems()).extracting(DeadLetterSequence::getSequenceId).contains(entity);
        DeadLetter letter = deadLetters.getDeadLetterSequence(entity, "inbound").getLetters().getFirst();
        assertThat(letter.getPayload()).containsEntry("key", entity)
                .containsEntry("topic", topics.partnerBankEvents());
        assertThat(onDeadLetterTopic(entity)).satisfies(dead -> {
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(dead, "ce_type")).isEqualTo("partner-bank.Nonsense.v1");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(topics.partnerBankEvents());
            assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
        });

        RetryOutcome retried = deadLetters.retryDeadLetterSequence(entity, SUPPORT_USER, null, null);
        assertThat(retried.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.STILL_FAILING);
        assertThat(retried.getCause().getType()).endsWith("UnreadableInboundRecordException");
        var evicted = deadLetters.evictDeadLetterSequence(entity, SUPPORT_USER,
                new EvictionRequest().reason("garbage from a test producer, kept on the .dlt topic"), null);

        assertThat(evicted.getEvictedEventIds()).containsExactly(letter.getEventId());
        assertThat(listed(entity)).isEmpty();
        http.get("/ops/v1/dead-letters/" + entity).expect(404);
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems())
                .extracting(AuditEntry::getAction, AuditEntry::getSupportUser, AuditEntry::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.EVICTION, SUPPORT_USER,
                                "garbage from a test producer, kept on the .dlt topic"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.RETRY, SUPPORT_USER, null));
    }

    /**
     * An earlier version of the service kept a record it could not read; this version reads it (a type learnt since,
     * say). Handling the kept record reads it again and books it, once.
     */
    @Test
    void aRecordKeptUnreadableByAnEarlierVersionIsBookedOnceThisVersionReadsIt() {
        UUID account = openActive("ulla", Currency.DKK);
        ProducerRecord<String, byte[]> raw = CloudEventsKafka.toRecord(topics.partnerBankEvents(), EventEnvelope.of(
                UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 2,
                new CorePostingEntryBooked(account.toString(), "entry-" + UUID.randomUUID(),
                        new Amount("42.00", "DKK"), "kept while unreadable", null, Instant.now())));
        Map<String, String> headers = new LinkedHashMap<>();
        raw.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        UnreadableInboundRecord kept = new UnreadableInboundRecord(raw.topic(), 0, 7, raw.key(), headers,
                Base64.getEncoder().encodeToString(raw.value()), "unknown event type (in the version that read it)");

        eventStore.publish(GenericEventMessage.asEventMessage(kept)
                .andMetaData(Map.of(InboundEvents.SUBJECT, account.toString(), InboundEvents.TOPIC, raw.topic())));

        awaitAccount(account, a -> a.getBookedBalance().getAmount().equals("42.00"));
        assertThat(listed(account.toString())).isEmpty();
    }

    @Test
    void refusesUnknownSequencesAndEvictionsWithoutUserOrReasonAsProblems() throws Exception {
        String entity = "poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);

        problem(http.get("/ops/v1/dead-letters/no-such-entity"), 404, "dead-letter-sequence-not-found");
        problem(post("/ops/v1/dead-letters/no-such-entity/retry", SUPPORT_USER, "{}"), 404,
                "dead-letter-sequence-not-found");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", null, "{\"reason\": \"x\"}"), 400,
                "support-user-missing");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", " ", "{\"reason\": \"x\"}"), 400,
                "support-user-missing");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", SUPPORT_USER, "{}"), 422, "invalid-request");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", SUPPORT_USER, "{\"reason\": \"  \"}"), 422,
                "invalid-request");
        problem(post("/ops/v1/dead-letters/retry", null, "{}"), 400, "support-user-missing");
        problem(http.get("/ops/v1/dead-letters?processingGroup=nope"), 422, "invalid-request");
        problem(http.get("/ops/v1/dead-letters?cursor=bm9wZQ"), 422, "invalid-request");

        assertThat(listed(entity)).hasSize(1);
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems()).isEmpty();
    }

    @Test
    void supportScriptListsShowsRetriesAndEvictsThroughTheApi() throws Exception {
        String entity = "script-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);

        assertThat(support("dead-letters", "list", "accounts")).contains(entity, "UnreadableInboundRecord");
        assertThat(support("dead-letters", "show", "accounts", entity)).contains("UnreadableInboundRecordException");
        assertThat(support("dead-letters", "retry", "accounts", entity)).contains(entity + ": STILL_FAILING");
        assertThat(support("dead-letters", "evict", "accounts", entity, "test garbage")).contains("evicted 1 letter");
        assertThat(support("audit", "accounts", entity)).contains("script-user", "EVICTION", "test garbage");
        assertThat(listed(entity)).isEmpty();
    }

    private DeadLetterSequence awaitSequence(String entityId, long letters) {
        return await().atMost(PATIENCE).until(() -> listed(entityId),
                        listed -> listed.size() == 1 && listed.getFirst().getLetters() == letters)
                .getFirst();
    }

    private List<DeadLetterSequence> listed(String entityId) {
        return deadLetters.listDeadLetterSequences(null, entityId, null, null, null, null).getItems();
    }

    private ConsumerRecord<String, byte[]> onDeadLetterTopic(String key) {
        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            return await().atMost(PATIENCE).until(
                    () -> probe.drain(topics.partnerBankEvents() + ".dlt", Duration.ofMillis(500)).stream()
                            .filter(record -> key.equals(record.key())).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
        }
    }

    private JsonHttp.Answer post(String path, String supportUser, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (supportUser != null) {
            request.header("X-Support-User", supportUser);
        }
        return new JsonHttp.Answer(http.sendRaw(request));
    }

    private static void problem(JsonHttp.Answer answer, int status, String type) {
        answer.expect(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:" + type);
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }

    private String support(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "../support"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SUITE_ACCOUNTS_PORT", Integer.toString(port));
        builder.environment().put("SUPPORT_USER", "script-user");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
