package org.banksuite.accounts.component;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.ops.client.AuditApi;
import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.model.AuditAction;
import org.banksuite.api.ops.client.model.CancellationRequest;
import org.banksuite.api.ops.client.model.Producer;
import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobRequest;
import org.banksuite.api.ops.client.model.ReconstitutionJobStatus;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.Receivers;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.TestIssuer;
import org.banksuite.testsupport.KafkaTopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconstitution jobs on the running service, both ways: as the producer of {@code accounts/account}, it replays
 * exactly the asked events to the receiver's topic and to no other; as a receiver, it handles a replay through the
 * same idempotent handlers as the live topic, so a replay books what was lost and nothing twice. A support lead
 * creates jobs that publish, a support agent dry runs and cancels; the audit shows their tokens' subjects.
 */
class ReconstitutionIT extends ComponentTest {

    /** The support lead of these tests: creates the jobs that publish; the audit shows this subject. */
    private static final String SUPPORT_USER = "ops-jonas";
    /** A support agent: dry runs, reads and cancellations only. */
    private static final String AGENT = "ops-pia";
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    JdbcTemplate jdbc;
    /** The jobs API as support lead {@link #SUPPORT_USER}. */
    ReconstitutionJobsApi jobs;
    /** The jobs API as support agent {@link #AGENT}. */
    ReconstitutionJobsApi agentJobs;
    AuditApi audit;
    JsonHttp http;

    @BeforeEach
    void connectOps() {
        jobs = new ReconstitutionJobsApi(opsClient(lead()));
        agentJobs = new ReconstitutionJobsApi(opsClient(issuer.support(AGENT)));
        audit = new AuditApi(opsClient(issuer.support()));
        http = new JsonHttp("http://localhost:" + port);
    }

    @Test
    void replaysExactlyTheNamedEventsOfTwoEntitiesInOrderToTheReceiverAlone() {
        UUID alice = openActive("alice", Currency.DKK);
        UUID bob = openActive("bob", Currency.DKK);
        UUID carl = openActive("carl", Currency.DKK);
        credit(alice, "10.00", Currency.DKK);
        credit(alice, "20.00", Currency.DKK);
        credit(bob, "30.00", Currency.DKK);
        credit(carl, "40.00", Currency.DKK);
        awaitAccount(carl, account -> account.getBookedBalance().getAmount().equals("40.00"));
        List<ConsumerRecord<String, byte[]>> alicesLive = accountEvents(alice, 4);
        List<ConsumerRecord<String, byte[]>> bobsLive = accountEvents(bob, 3);
        int liveBefore = accountsTopic.settle(record -> true, QUIET).size();

        ReconstitutionJob job = awaitEnd(jobs.createReconstitutionJob(request(Receivers.TRANSFERS_SERVICE)
                .entityIds(List.of(alice.toString(), bob.toString())).eventNames(List.of("PostingBooked"))));

        assertThat(job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(job.getMatched()).isEqualTo(3);
        assertThat(job.getPublished()).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> replayed = replayedBy(job, Receivers.TRANSFERS_SERVICE);
        assertThat(replayed).hasSize(3).extracting(record -> header(record, CloudEventsKafka.TYPE))
                .containsOnly("accounts.PostingBooked.v1");
        assertThat(ofEntity(replayed, alice)).extracting(record -> header(record, CloudEventsKafka.ID)).containsExactly(
                header(alicesLive.get(2), CloudEventsKafka.ID), header(alicesLive.get(3), CloudEventsKafka.ID));
        assertThat(ofEntity(replayed, alice)).extracting(record -> header(record, CloudEventsKafka.SEQUENCE))
                .containsExactly("2", "3");
        assertThat(ofEntity(replayed, alice)).extracting(ConsumerRecord::value)
                .containsExactly(alicesLive.get(2).value(), alicesLive.get(3).value());
        assertThat(ofEntity(replayed, bob)).extracting(record -> header(record, CloudEventsKafka.ID))
                .containsExactly(header(bobsLive.get(2), CloudEventsKafka.ID));
        assertThat(replayedBy(job, Receivers.PARTNER_BANK_ADAPTER)).isEmpty();
        assertThat(replayedBy(job, Receivers.ACCOUNTS_SERVICE)).isEmpty();
        assertThat(accountsTopic.settle(record -> true, QUIET)).hasSize(liveBefore);
    }

    @Test
    void aDryRunCountsAndSamplesTheEventsButPublishesNothing() {
        UUID dora = openActive("dora", Currency.EUR);
        credit(dora, "5.00", Currency.EUR);
        accountEvents(dora, 3);

        ReconstitutionJob job = awaitEnd(agentJobs.createReconstitutionJob(
                request(Receivers.PARTNER_BANK_ADAPTER).entityIds(List.of(dora.toString())).dryRun(true)));

        assertThat(job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(job.getMatched()).isEqualTo(3);
        assertThat(job.getPublished()).isZero();
        assertThat(job.getSample()).extracting(sampled -> sampled.getEventType()).containsExactly(
                "accounts.AccountOpened.v1", "accounts.AccountActivated.v1", "accounts.PostingBooked.v1");
        assertThat(job.getSample()).extracting(sampled -> sampled.getSequence()).containsExactly(0L, 1L, 2L);
        assertThat(replayedBy(job, Receivers.PARTNER_BANK_ADAPTER)).isEmpty();
        assertThat(job.getRequestedBy()).isEqualTo(AGENT);
    }

    @Test
    void aRangeJobReplaysOnlyTheEventsStoredInItsTimeWindow() {
        UUID erik = openActive("erik", Currency.DKK);
        accountEvents(erik, 2);
        Instant from = Instant.now();
        credit(erik, "1.00", Currency.DKK);
        accountEvents(erik, 3);
        Instant to = Instant.now();
        credit(erik, "2.00", Currency.DKK);
        accountEvents(erik, 4);

        ReconstitutionJob job = awaitEnd(jobs.createReconstitutionJob(
                request(Receivers.TRANSFERS_SERVICE).from(utc(from)).to(utc(to))));

        assertThat(job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(replayedBy(job, Receivers.TRANSFERS_SERVICE))
                .extracting(record -> record.key() + "/" + header(record, CloudEventsKafka.SEQUENCE))
                .containsExactly(erik + "/2");
        assertThat(job.getScanPosition()).isEqualTo(job.getScanEnd());
    }

    @Test
    void refusesInvalidJobsWithAProblemAndStoresNothing() throws Exception {
        int jobsBefore = jobs.listReconstitutionJobs(null, 100, null).getItems().size();
        String valid = """
                "receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                "reason": "test\"""";

        invalid("{" + valid + ", \"from\": \"2026-05-02T00:00:00Z\", \"to\": \"2026-05-01T00:00:00Z\"}", "to");
        invalid("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "card"},
                 "reason": "test"}""", "producer");
        invalid("""
                {"receiver": "transfers-service", "producer": {"domain": "transfers", "entityType": "transfer"},
                 "reason": "test"}""", "producer");
        invalid("""
                {"receiver": "ledger-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "reason": "test"}""", "receiver");
        invalid("""
                {"receiver": "accounts-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "reason": "test"}""", "receiver");
        invalid("{" + valid + ", \"eventNames\": [\"PostingBooked\", \"MoneyPrinted\"]}", "eventNames");
        String tooMany = String.join(",", IntStream.range(0, 1001).mapToObj(i -> "\"id-" + i + "\"").toList());
        invalid("{" + valid + ", \"entityIds\": [" + tooMany + "]}", "entityIds");
        invalid("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "reason": " "}""", "reason");

        assertThat(jobs.listReconstitutionJobs(null, 100, null).getItems()).hasSize(jobsBefore);
    }

    /** A job that publishes is a support lead's; an agent may count (dry run); others may not come in at all. */
    @Test
    void refusesAJobThatPublishesToASupportAgentAndJobsToCallersWithoutASupportToken() throws Exception {
        int jobsBefore = jobs.listReconstitutionJobs(null, 100, null).getItems().size();
        String valid = """
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "reason": "not an agent's\"""";

        problem(post("/ops/v1/reconstitution-jobs", issuer.support(AGENT), valid + "}"), 403, "forbidden");
        problem(post("/ops/v1/reconstitution-jobs", issuer.support(AGENT), valid + ", \"dryRun\": false}"), 403,
                "forbidden");
        problem(post("/ops/v1/reconstitution-jobs", issuer.customer("alice"), valid + ", \"dryRun\": true}"), 403,
                "forbidden");
        problem(post("/ops/v1/reconstitution-jobs", null, valid + ", \"dryRun\": true}"), 401, "unauthorized");
        problem(get("/ops/v1/reconstitution-jobs", issuer.customer("alice")), 403, "forbidden");
        problem(get("/ops/v1/reconstitution-jobs", null), 401, "unauthorized");

        assertThat(jobs.listReconstitutionJobs(null, 100, null).getItems()).hasSize(jobsBefore);
        assertThat(audit.listAuditEntries(null, null, 100, null).getItems())
                .noneMatch(entry -> "not an agent's".equals(entry.getReason()));
    }

    @Test
    void aCancelledJobStopsPublishingAndTheCancellationIsAudited() throws Exception {
        UUID fred = openActive("fred", Currency.DKK);
        for (int i = 1; i <= 6; i++) {
            credit(fred, i + ".00", Currency.DKK);
        }
        accountEvents(fred, 8);

        ReconstitutionJob job = jobs.createReconstitutionJob(request(Receivers.TRANSFERS_SERVICE)
                .entityIds(List.of(fred.toString())).maxEventsPerSecond(1));
        await().atMost(PATIENCE).until(() -> jobs.getReconstitutionJob(job.getJobId()).getPublished() >= 1);
        agentJobs.cancelReconstitutionJob(job.getJobId(), new CancellationRequest().reason("too slow"));
        ReconstitutionJob cancelled = awaitEnd(job);

        assertThat(cancelled.getStatus()).isEqualTo(ReconstitutionJobStatus.CANCELLED);
        assertThat(cancelled.getPublished()).isLessThan(8);
        assertThat(replayedBy(cancelled, Receivers.TRANSFERS_SERVICE)).hasSize(cancelled.getPublished().intValue());
        assertThat(audit.listAuditEntries(null, job.getJobId(), null, null).getItems())
                .extracting(entry -> entry.getAction() + " " + entry.getSupportUser() + " " + entry.getReason())
                .containsExactly("RECONSTITUTION_JOB_CANCELLED ops-pia too slow",
                        "RECONSTITUTION_JOB_CREATED ops-jonas replay for a test");
        problem(post("/ops/v1/reconstitution-jobs/" + job.getJobId() + "/cancellation", lead(),
                "{\"reason\": \"again\"}"), 409, "reconstitution-job-finished");
        problem(get("/ops/v1/reconstitution-jobs/" + UUID.randomUUID(), issuer.support()), 404,
                "reconstitution-job-not-found");
    }

    /** A replica killed mid-job leaves it RUNNING under a lease nobody renews; the next one resumes it. */
    @Test
    void aJobWhoseReplicaDiedIsResumedFromItsLastCheckpoint() {
        UUID hans = openActive("hans", Currency.DKK);
        credit(hans, "1.00", Currency.DKK);
        credit(hans, "2.00", Currency.DKK);
        accountEvents(hans, 4);
        UUID jobId = UUID.randomUUID();
        jdbc.update("""
                insert into reconstitution_job (job_id, status, receiver, producer_domain, producer_entity_type,
                    entity_ids, event_names, dry_run, requested_by, reason, started_at, scan_end, sequence_cursor,
                    matched, published, lease_owner, lease_until)
                values (?, 'RUNNING', 'transfers-service', 'accounts', 'account', array[?], '{}', false, ?,
                    'resumed after a crash', now(), (select max(globalindex) from domainevententry), 1, 2, 2,
                    'replica-killed', now() - interval '1 second')""", jobId, hans.toString(), SUPPORT_USER);

        ReconstitutionJob job = awaitEnd(new ReconstitutionJob().jobId(jobId));

        assertThat(job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(job.getPublished()).isEqualTo(4);
        assertThat(replayedBy(job, Receivers.TRANSFERS_SERVICE))
                .extracting(record -> header(record, CloudEventsKafka.SEQUENCE)).containsExactly("2", "3");
    }

    @Test
    void aReplayToThisServiceBooksWhatWasLostOnceAndWhatWasBookedNotAgain() {
        UUID gina = openActive("gina", Currency.DKK);
        CorePostingEntryBooked delivered = entry(gina, "100.00");
        CorePostingEntryBooked lost = entry(gina, "7.00");
        EventEnvelope live = EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter", Instant.now(), 0,
                delivered);
        send(topics.partnerBankEvents(), live);
        awaitAccount(gina, account -> account.getBookedBalance().getAmount().equals("100.00"));
        EventEnvelope neverDelivered = EventEnvelope.of(UUID.randomUUID().toString(), "/partner-bank-adapter",
                Instant.now(), 1, lost);

        String firstJob = UUID.randomUUID().toString();
        replay(firstJob, live);
        replay(firstJob, neverDelivered);
        replay(firstJob, neverDelivered);
        replay(UUID.randomUUID().toString(), neverDelivered);
        credit(gina, "0.01", Currency.DKK);

        awaitAccount(gina, account -> account.getBookedBalance().getAmount().equals("107.01"));
        assertThat(accountsTopic.settle(record -> record.key().equals(gina.toString()), QUIET)
                .stream().filter(record -> header(record, CloudEventsKafka.TYPE).equals("accounts.PostingBooked.v1")))
                .hasSize(3);
    }

    private ReconstitutionJobRequest request(String receiver) {
        return new ReconstitutionJobRequest().receiver(receiver).producer(new Producer().domain("accounts").entityType("account"))
                .reason("replay for a test");
    }

    private ReconstitutionJob awaitEnd(ReconstitutionJob job) {
        return await().atMost(PATIENCE).until(() -> jobs.getReconstitutionJob(job.getJobId()),
                current -> current.getFinishedAt() != null);
    }

    private List<ConsumerRecord<String, byte[]>> replayedBy(ReconstitutionJob job, String receiver) {
        try (KafkaTopicProbe probe = new KafkaTopicProbe(bootstrapServers)) {
            return probe.drain(topics.reconstitution(receiver), QUIET).stream()
                    .filter(record -> job.getJobId().toString().equals(header(record, CloudEventsKafka.RECONSTITUTION_JOB)))
                    .toList();
        }
    }

    /** One entity's records, in topic order: an entity's records share a partition, whose order is theirs. */
    private static List<ConsumerRecord<String, byte[]>> ofEntity(List<ConsumerRecord<String, byte[]>> records,
                                                                 UUID entityId) {
        return records.stream().filter(record -> record.key().equals(entityId.toString())).toList();
    }

    private void replay(String jobId, EventEnvelope envelope) {
        var record = CloudEventsKafka.toRecord(topics.reconstitution(Receivers.ACCOUNTS_SERVICE), envelope);
        record.headers().add(CloudEventsKafka.RECONSTITUTION_JOB, jobId.getBytes());
        producer.send(record);
    }

    private static CorePostingEntryBooked entry(UUID accountId, String amount) {
        return new CorePostingEntryBooked(accountId.toString(), UUID.randomUUID().toString(),
                new org.banksuite.events.Amount(amount, "DKK"), "incoming payment", null, Instant.now());
    }

    private void invalid(String body, String field) throws Exception {
        JsonHttp.Answer answer = post("/ops/v1/reconstitution-jobs", lead(), body);
        problem(answer, 422, "invalid-request");
        assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.body()).contains(field);
    }

    /** A token of support lead {@link #SUPPORT_USER} (roles support and support-lead). */
    private String lead() {
        return issuer.token(SUPPORT_USER, List.of("support", "support-lead"), TestIssuer.SUPPORT_AUDIENCES);
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

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
