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
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
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
 * a sequence in order once the cause is gone, evictions with a reason, the audit log (its actor is the token's
 * subject), the {@code .dlt} topic, the refusals (who may do what: support retries one sequence, only a support lead
 * evicts or retries all), the masking of personal data for support agents, and the {@code ./support} script.
 * Automatic retries are pushed out of the way, so only support retries.
 */
@TestPropertySource(properties = "suite.dead-letters.first-retry-after=PT1H")
class DeadLetterSupportIT extends ComponentTest {

    /** The support agent of these tests: the audit log shows this subject of the token. */
    private static final String SUPPORT_USER = "ops-anna";

    @Autowired
    EventStore eventStore;
    /** The ops API as support agent {@link #SUPPORT_USER} (role support). */
    DeadLettersApi deadLetters;
    /** The ops API as a support lead (roles support and support-lead). */
    DeadLettersApi leadLetters;
    AuditApi audit;
    JsonHttp http;

    @BeforeEach
    void connectOps() {
        deadLetters = new DeadLettersApi(opsClient(issuer.support(SUPPORT_USER)));
        leadLetters = new DeadLettersApi(opsClient(issuer.supportLead()));
        audit = new AuditApi(opsClient(issuer.support()));
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
        assertThat(accounts.getAccount(account, null).getBookedBalance().getAmount()).isEqualTo("0.00");

        RetryOutcome stillFailing = deadLetters.retryDeadLetterSequence(account.toString(), null, null);
        assertThat(stillFailing.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.STILL_FAILING);
        assertThat(stillFailing.getRemainingLetters()).isEqualTo(3);
        assertThat(stillFailing.getCause().getMessage()).contains("the core confirmed BUSINESS");
        assertThat(deadLetters.getDeadLetterSequence(account.toString(), null).getLetters().getFirst().getAttempts())
                .isEqualTo(2);

        accounts.requestRecordTypeChange(account, new RecordTypeChangeRequest().recordType(RecordType.BUSINESS));
        RetryOutcome processed = deadLetters.retryDeadLetterSequence(account.toString(), null,
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
    void listsAnUnreadableRecordPublishesItToTheDeadLetterTopicAndEvictsItWithAReason() throws Exception {
        String entity = "broken-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(topics.partnerBankEvents(), entity,
                "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "partner-bank.Nonsense.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);

        DeadLetterSequence listed = awaitSequence(entity, 1);
        assertThat(listed.getEventType()).isEqualTo("UnreadableInboundRecord");
        assertThat(listed.getCause().getType()).endsWith("UnreadableInboundRecordException");
        assertThat(deadLetters.listDeadLetterSequences(null, null, "UnreadableInboundRecord", null, 100, null)
                .getItems()).extracting(DeadLetterSequence::getSequenceId).contains(entity);
        DeadLetter letter = leadLetters.getDeadLetterSequence(entity, "inbound").getLetters().getFirst();
        assertThat(letter.getPayload()).containsEntry("key", entity)
                .containsEntry("topic", topics.partnerBankEvents());
        assertThat(onDeadLetterTopic(entity)).satisfies(dead -> {
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(dead, "ce_type")).isEqualTo("partner-bank.Nonsense.v1");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(topics.partnerBankEvents());
            assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
        });

        RetryOutcome retried = deadLetters.retryDeadLetterSequence(entity, null, null);
        assertThat(retried.getOutcome()).isEqualTo(RetryOutcome.OutcomeEnum.STILL_FAILING);
        assertThat(retried.getCause().getType()).endsWith("UnreadableInboundRecordException");
        var evicted = leadLetters.evictDeadLetterSequence(entity,
                new EvictionRequest().reason("garbage from a test producer, kept on the .dlt topic"), null);

        assertThat(evicted.getEvictedEventIds()).containsExactly(letter.getEventId());
        assertThat(listed(entity)).isEmpty();
        get("/ops/v1/dead-letters/" + entity, issuer.support()).expect(404);
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems())
                .extracting(AuditEntry::getAction, AuditEntry::getSupportUser, AuditEntry::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.EVICTION, "support-lead",
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
    void refusesUnknownSequencesAndEvictionsWithoutAReasonAsProblems() throws Exception {
        String entity = "poison-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);
        String lead = issuer.supportLead();

        problem(get("/ops/v1/dead-letters/no-such-entity", issuer.support()), 404, "dead-letter-sequence-not-found");
        problem(post("/ops/v1/dead-letters/no-such-entity/retry", issuer.support(), "{}"), 404,
                "dead-letter-sequence-not-found");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", lead, "{}"), 422, "invalid-request");
        problem(post("/ops/v1/dead-letters/" + entity + "/eviction", lead, "{\"reason\": \"  \"}"), 422,
                "invalid-request");
        problem(get("/ops/v1/dead-letters?processingGroup=nope", issuer.support()), 422, "invalid-request");
        problem(get("/ops/v1/dead-letters?cursor=bm9wZQ", issuer.support()), 422, "invalid-request");
        problem(get("/ops/v1/dead-letters?limit=101", issuer.support()), 422, "invalid-request");

        assertThat(listed(entity)).hasSize(1);
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems()).isEmpty();
    }

    /** Support retries one sequence; evicting and retrying all are a support lead's; no token, no door. */
    @Test
    void onlyASupportLeadEvictsOrRetriesAllAndCallersWithoutASupportTokenAreRefused() throws Exception {
        String entity = "guarded-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);
        String eviction = "/ops/v1/dead-letters/" + entity + "/eviction";
        String reason = "{\"reason\": \"not for an agent\"}";

        problem(post(eviction, issuer.support(), reason), 403, "forbidden");
        problem(post("/ops/v1/dead-letters/retry", issuer.support(), "{}"), 403, "forbidden");
        problem(post(eviction, issuer.customer("alice"), reason), 403, "forbidden");
        problem(post("/ops/v1/dead-letters/" + entity + "/retry", issuer.customer("alice"), "{}"), 403, "forbidden");
        problem(get("/ops/v1/dead-letters/" + entity, issuer.customer("alice")), 403, "forbidden");
        problem(get("/ops/v1/dead-letters", issuer.customer("alice")), 403, "forbidden");
        problem(get("/ops/v1/audit", issuer.customer("alice")), 403, "forbidden");
        problem(post(eviction, null, reason), 401, "unauthorized");
        problem(get("/ops/v1/dead-letters", null), 401, "unauthorized");
        problem(get("/ops/v1/audit", null), 401, "unauthorized");
        problem(post(eviction, issuer.expired("support-lead", List.of("support", "support-lead"),
                List.of("accounts-service")), reason), 401, "unauthorized");

        assertThat(listed(entity)).singleElement().satisfies(sequence -> assertThat(sequence.getAttempts()).isEqualTo(1));
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems()).isEmpty();

        assertThat(post("/ops/v1/dead-letters/" + entity + "/retry", issuer.support(), "{}").status()).isEqualTo(200);
        assertThat(post(eviction, issuer.supportLead(), reason).status()).isEqualTo(200);
        assertThat(listed(entity)).isEmpty();
    }

    /** The audit's actor is the token's subject; an {@code X-Support-User} header (the old way) is ignored. */
    @Test
    void auditsTheTokensSubjectAndIgnoresASupportUserHeader() throws Exception {
        String entity = "audited-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);

        JsonHttp.Answer retried = new JsonHttp.Answer(http.sendRaw(HttpRequest.newBuilder(
                        URI.create(http.base() + "/ops/v1/dead-letters/" + entity + "/retry"))
                .header("Content-Type", "application/json").header("Authorization", bearer(issuer.support("ops-bo")))
                .header("X-Support-User", "mallory").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        problem(new JsonHttp.Answer(http.sendRaw(HttpRequest.newBuilder(
                        URI.create(http.base() + "/ops/v1/dead-letters/" + entity + "/eviction"))
                .header("Content-Type", "application/json").header("X-Support-User", "mallory")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"header only\"}")))), 401, "unauthorized");

        retried.expect(200);
        assertThat(audit.listAuditEntries(entity, null, null, null).getItems())
                .extracting(AuditEntry::getAction, AuditEntry::getSupportUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.RETRY, "ops-bo"));
        assertThat(listed(entity)).hasSize(1);
    }

    /** Another issuer may give long subjects (the old header was held to 200 characters): they are audited whole. */
    @Test
    void auditsASubjectLongerThanTheOldHeaderAllowed() throws Exception {
        String entity = "long-actor-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(topics.partnerBankEvents(), entity, "?".getBytes(StandardCharsets.UTF_8)));
        awaitSequence(entity, 1);
        String subject = "staff-" + "x".repeat(300);

        post("/ops/v1/dead-letters/" + entity + "/retry", issuer.support(subject), "{}").expect(200);

        assertThat(audit.listAuditEntries(entity, null, null, null).getItems())
                .extracting(AuditEntry::getSupportUser).containsExactly(subject);
    }

    /**
     * A support agent sees a letter's personal data masked (customer texts, core numbers), the ids it needs in the
     * clear; a support lead sees it all.
     */
    @Test
    void masksPersonalDataOfLettersForSupportAgentsButNotForSupportLeads() {
        UUID account = openActive("s-mask", Currency.DKK);
        coreSays(new CoreRecordTypeChanged(account.toString(), "BUSINESS", Instant.now()));
        awaitSequence(account.toString(), 1);
        String entry = "entry-" + UUID.randomUUID();
        coreSays(new CorePostingEntryBooked(account.toString(), entry, new Amount("9.00", "DKK"),
                "rent from Bob Jensen", null, Instant.now()));
        coreSays(new CoreAccountOpened(account.toString(), "5678", "0099887766", Instant.now()));
        awaitSequence(account.toString(), 3);

        List<DeadLetter> masked = deadLetters.getDeadLetterSequence(account.toString(), null).getLetters();
        List<DeadLetter> clear = leadLetters.getDeadLetterSequence(account.toString(), null).getLetters();

        assertThat(masked.get(1).getPayload()).containsEntry("text", "***").containsEntry("accountId", account.toString())
                .containsEntry("entryId", entry).containsEntry("amount", Map.of("amount", "9.00", "currency", "DKK"));
        assertThat(masked.get(2).getPayload()).containsEntry("registrationNumber", "***")
                .containsEntry("accountNumber", "***").containsEntry("accountId", account.toString());
        assertThat(masked.get(1).getMetadata()).containsEntry("ce_subject", account.toString());
        assertThat(masked).extracting(DeadLetter::getEventId).isEqualTo(clear.stream().map(DeadLetter::getEventId).toList());
        assertThat(clear.get(1).getPayload()).containsEntry("text", "rent from Bob Jensen");
        assertThat(clear.get(2).getPayload()).containsEntry("registrationNumber", "5678")
                .containsEntry("accountNumber", "0099887766");
        assertThat(leadLetters.evictDeadLetterSequence(account.toString(),
                new EvictionRequest().reason("test letters"), null).getEvictedEventIds()).hasSize(3);
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
        assertThat(support("audit", "accounts", entity)).contains("script-lead", "EVICTION", "test garbage");
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

    /** A POST with {@code token} as bearer, or without any. */
    private JsonHttp.Answer post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", bearer(token));
        }
        return new JsonHttp.Answer(http.sendRaw(request));
    }

    /** A GET with {@code token} as bearer, or without any. */
    private JsonHttp.Answer get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path)).GET();
        if (token != null) {
            request.header("Authorization", bearer(token));
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
        builder.environment().put("SUPPORT_TOKEN", issuer.token("script-lead", List.of("support", "support-lead"),
                List.of("accounts-service")));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
