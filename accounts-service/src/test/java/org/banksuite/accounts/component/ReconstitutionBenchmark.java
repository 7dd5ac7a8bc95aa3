package org.banksuite.accounts.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.model.Producer;
import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobRequest;
import org.banksuite.api.ops.client.model.ReconstitutionJobStatus;
import org.banksuite.events.Receivers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconstitution jobs' benchmark (not part of the test run; see the module README for the command), on the
 * running service with real PostgreSQL and Kafka as in the component tests.
 * <ol>
 *   <li>A store of at least a million account events: a few real accounts through the API and Kafka (opened,
 *   activated, eight postings each), then one of them copied by SQL to {@code benchmark.accounts} synthetic
 *   accounts of ten events each, with the real rows' payload type, payload (the account id rewritten) and
 *   metadata, so every copy deserialises to the same event classes. The service's event processors are shut down
 *   before the copy: the projection and the live publisher would otherwise process a million new events (and put
 *   them on {@code accounts.events}) while the jobs are measured.</li>
 *   <li>A full-range job, every event to {@code transfers-service}: time from start to finish, events per second,
 *   and the records on the receiver's topic.</li>
 *   <li>An entity-scoped job for two accounts, ten events each: time from creation and from start to finish,
 *   and the plan of its query.</li>
 *   <li>A dry run of the full range: reading and mapping without Kafka.</li>
 * </ol>
 */
class ReconstitutionBenchmark extends ComponentTest {

    private static final int SYNTHETIC_ACCOUNTS = Integer.getInteger("benchmark.accounts", 100_000);
    private static final int REAL_ACCOUNTS = 3;
    private static final int POSTINGS_PER_ACCOUNT = 8;
    private static final int EVENTS_PER_ACCOUNT = 2 + POSTINGS_PER_ACCOUNT;
    private static final Duration JOB_PATIENCE = Duration.ofMinutes(Long.getLong("benchmark.minutes", 40));
    /** What StoredEventScan selects. */
    private static final String SCANNED_COLUMNS = """
            globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
            payloadrevision, payload, metadata""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Value("${suite.reconstitution.batch-size:500}")
    int batchSize;

    ReconstitutionJobsApi jobs;

    @Test
    void measure() throws Exception {
        jobs = new ReconstitutionJobsApi(opsClient(issuer.supportLead()));
        String load = loadAverage();

        UUID template = seedRealAccounts();
        stopEventProcessors();
        Instant copyStart = Instant.now();
        long copied = copy(template);
        Duration copying = Duration.between(copyStart, Instant.now());
        long stored = jdbc.queryForObject("select count(*) from domainevententry where type = 'Account'", Long.class);
        long allRows = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        String storeSize = jdbc.queryForObject(
                "select pg_size_pretty(pg_total_relation_size('domainevententry'))", String.class);
        System.out.printf("Store: %d 'Account' events (%d rows in all, %s with indexes); %d copied in %d s%n",
                stored, allRows, storeSize, copied, copying.toSeconds());
        assertThat(copied).isEqualTo((long) SYNTHETIC_ACCOUNTS * EVENTS_PER_ACCOUNT);

        List<String> synthetic = jdbc.queryForList("""
                select aggregateidentifier from domainevententry
                where sequencenumber = 0 and aggregateidentifier = md5('benchmark-account-' || ?)::uuid::text
                   or sequencenumber = 0 and aggregateidentifier = md5('benchmark-account-' || ?)::uuid::text""",
                String.class, SYNTHETIC_ACCOUNTS / 2, SYNTHETIC_ACCOUNTS - 1);
        assertThat(synthetic).hasSize(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from domainevententry
                where aggregateidentifier = ? and position(aggregateidentifier in convert_from(payload, 'UTF8')) > 0""",
                Long.class, synthetic.getFirst())).as("payloads name their synthetic account").isEqualTo(EVENTS_PER_ACCOUNT);
        List<String> entityPlan = plan("""
                select %s from domainevententry
                where aggregateidentifier = '%s' and sequencenumber > -1 and globalindex <= %d and type = 'Account'
                  and timestamp >= '' and timestamp < 'A'
                order by sequencenumber limit %d""".formatted(SCANNED_COLUMNS, synthetic.getFirst(), allRows + 10, batchSize));
        List<String> rangePlan = plan("""
                select %s from domainevententry
                where globalindex > 0 and globalindex <= %d and type = 'Account'
                  and timestamp >= '' and timestamp < 'A'
                order by globalindex limit %d""".formatted(SCANNED_COLUMNS, allRows + 10, batchSize));

        String fullTopic = topics.reconstitution(Receivers.TRANSFERS_SERVICE);
        long topicBefore = recordsOn(fullTopic);
        Run full = run(request(Receivers.TRANSFERS_SERVICE), true);
        long onTopic = recordsOn(fullTopic) - topicBefore;
        assertThat(full.job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(full.job.getMatched()).isEqualTo(stored);
        assertThat(full.job.getPublished()).isEqualTo(stored);
        assertThat(onTopic).isEqualTo(stored);

        Run entity = run(request(Receivers.PARTNER_BANK_ADAPTER).entityIds(synthetic), false);
        assertThat(entity.job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(entity.job.getPublished()).isEqualTo(2L * EVENTS_PER_ACCOUNT);

        Run dry = Boolean.parseBoolean(System.getProperty("benchmark.dry-run", "true"))
                ? run(request(Receivers.PARTNER_BANK_ADAPTER).dryRun(true), true) : null;
        if (dry != null) {
            assertThat(dry.job.getStatus()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
            assertThat(dry.job.getMatched()).isEqualTo(stored);
            assertThat(dry.job.getPublished()).isZero();
        }

        String report = report(stored, allRows, storeSize, copied, copying, load, full, onTopic, entity, entityPlan,
                rangePlan, dry);
        System.out.println(report);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("reconstitution-benchmark.md"), report);
    }

    /** Real accounts through the API and Kafka: opened, activated and eight postings each, all published. */
    private UUID seedRealAccounts() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < REAL_ACCOUNTS; i++) {
            UUID id = openActive("benchmark-" + i, Currency.DKK);
            for (int p = 1; p <= POSTINGS_PER_ACCOUNT; p++) {
                credit(id, p + ".00", Currency.DKK);
            }
            ids.add(id);
        }
        for (UUID id : ids) {
            awaitAccount(id, account -> account.getBookedBalance().getAmount().equals("36.00"));
            accountEvents(id, EVENTS_PER_ACCOUNT);
        }
        UUID template = ids.getFirst();
        List<String> types = jdbc.queryForList("""
                select payloadtype from domainevententry where aggregateidentifier = ? and type = 'Account'
                order by sequencenumber""", String.class, template.toString());
        assertThat(types).hasSize(EVENTS_PER_ACCOUNT);
        assertThat(types.getFirst()).endsWith("AccountOpened");
        assertThat(types.get(1)).endsWith("AccountActivated");
        assertThat(types.subList(2, EVENTS_PER_ACCOUNT)).allMatch(type -> type.endsWith("PostingBooked"));
        return template;
    }

    /**
     * Shuts down the projection, the live publisher and the inbound processor, which would otherwise process the
     * copied events while the jobs run. Reconstitution jobs do not use them.
     */
    private void stopEventProcessors() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        assertThat(processing.eventProcessors().values()).noneMatch(EventProcessor::isRunning);
        System.out.println("Event processors shut down: " + processing.eventProcessors().keySet());
    }

    /**
     * Copies the template account's ten events to {@link #SYNTHETIC_ACCOUNTS} accounts with deterministic ids
     * ({@code md5('benchmark-account-' || n)} as a UUID), each event with its own id, the template's payload with
     * the account id replaced, its metadata and payload type, and a timestamp in Axon's format, spread over the
     * last day, in store order.
     */
    private long copy(UUID template) {
        long copied = jdbc.update("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                select synthetic.id, t.sequencenumber, t.type, md5('benchmark-event-' || n || '-' || t.sequencenumber)::uuid::text,
                    t.metadata, convert_to(replace(convert_from(t.payload, 'UTF8'), t.aggregateidentifier, synthetic.id), 'UTF8'),
                    t.payloadrevision, t.payloadtype,
                    to_char(base.at + ((n * 10 + t.sequencenumber) * interval '50 milliseconds'),
                            'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                from generate_series(0, ? - 1) as n
                cross join lateral (select md5('benchmark-account-' || n)::uuid::text as id) as synthetic
                cross join (select (now() at time zone 'UTC') - interval '1 day' as at) as base
                cross join (select * from domainevententry where aggregateidentifier = ? and type = 'Account') as t
                order by n, t.sequencenumber""", SYNTHETIC_ACCOUNTS, template.toString());
        jdbc.execute("vacuum analyze domainevententry");
        return copied;
    }

    private List<String> plan(String query) {
        return jdbc.queryForList("explain " + query, String.class);
    }

    private ReconstitutionJobRequest request(String receiver) {
        return new ReconstitutionJobRequest().receiver(receiver)
                .producer(new Producer().domain("accounts").entityType("account")).reason("benchmark");
    }

    private record Run(ReconstitutionJob job, Duration sinceCreation, Duration running, List<Long> progress) {

        double eventsPerSecond(long events) {
            return events / (running.toNanos() / 1e9);
        }
    }

    /** Creates the job and polls it until it ends; optionally prints its progress every ten seconds. */
    private Run run(ReconstitutionJobRequest request, boolean showProgress) throws InterruptedException {
        long created = System.nanoTime();
        ReconstitutionJob job = jobs.createReconstitutionJob(request);
        List<Long> progress = new ArrayList<>();
        long nextReport = created + Duration.ofSeconds(10).toNanos();
        ReconstitutionJob current = job;
        while (current.getFinishedAt() == null) {
            if (System.nanoTime() - created > JOB_PATIENCE.toNanos()) {
                throw new AssertionError("job did not end within " + JOB_PATIENCE + ": " + current);
            }
            Thread.sleep(showProgress ? 250 : 20);
            current = jobs.getReconstitutionJob(job.getJobId());
            if (showProgress && System.nanoTime() > nextReport) {
                String line = "  %4d s: matched %d, published %d".formatted(
                        (System.nanoTime() - created) / 1_000_000_000L, current.getMatched(), current.getPublished());
                System.out.println(line);
                progress.add(current.getPublished());
                nextReport += Duration.ofSeconds(10).toNanos();
            }
        }
        Duration sinceCreation = Duration.ofNanos(System.nanoTime() - created);
        Duration running = Duration.between(current.getStartedAt().toInstant(), current.getFinishedAt().toInstant());
        Duration createdToFinished = Duration.between(current.getCreatedAt().toInstant(),
                current.getFinishedAt().toInstant());
        System.out.printf("Job %s %s: matched %d, published %d, created->finished %d ms, started->finished %d ms,"
                        + " polled end seen after %d ms%n", current.getJobId(), current.getStatus(), current.getMatched(),
                current.getPublished(), createdToFinished.toMillis(), running.toMillis(), sinceCreation.toMillis());
        return new Run(current, createdToFinished, running, progress);
    }

    /** How many records the topic holds, from its partitions' end offsets. */
    private long recordsOn(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Events published per second between progress marks 10 s apart. */
    private static String rates(List<Long> marks) {
        List<String> rates = new ArrayList<>();
        long before = 0;
        for (long mark : marks) {
            rates.add("%,d".formatted((mark - before) / 10));
            before = mark;
        }
        return String.join(", ", rates);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private String report(long stored, long allRows, String storeSize, long copied, Duration copying, String loadBefore,
                          Run full, long onTopic, Run entity, List<String> entityPlan, List<String> rangePlan, Run dry) {
        String dryLine = dry == null ? "| dry run, full range | (not run) | | | |"
                : "| dry run, full range (read and map, no Kafka) | %d matched | %.1f s | %.1f s | **%,.0f** |".formatted(
                        dry.job.getMatched(), dry.sinceCreation.toMillis() / 1000.0, dry.running.toMillis() / 1000.0,
                        dry.eventsPerSecond(dry.job.getMatched()));
        return """
                ## Reconstitution benchmark (%s)

                Store: %,d `Account` events in `domainevententry` (%,d rows in all, %s with indexes): %d real accounts
                through the API and Kafka, %,d copied by SQL (%,d accounts x %d events) in %d s. %d cores, load
                average %s before the run, batch size %d, embedded PostgreSQL (fsync off) and Kafka broker (1 broker,
                3 partitions) on the same machine as the service.

                | job | events | created -> finished | started -> finished | events/s (started -> finished) |
                |---|---:|---:|---:|---:|
                | full range, published to `reconstitution.transfers-service` | %d published, %d on the topic | %.1f s | %.1f s | **%,.0f** |
                | entity-scoped, 2 accounts x %d events | %d published | %d ms | %d ms | |
                %s

                Full range, events per second in each 10 s after its creation: %s.

                Entity query plan: `%s`
                Range query plan: `%s`
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), stored, allRows, storeSize,
                REAL_ACCOUNTS, copied, SYNTHETIC_ACCOUNTS, EVENTS_PER_ACCOUNT, copying.toSeconds(),
                Runtime.getRuntime().availableProcessors(), loadBefore, batchSize,
                full.job.getPublished(), onTopic, full.sinceCreation.toMillis() / 1000.0,
                full.running.toMillis() / 1000.0, full.eventsPerSecond(full.job.getPublished()),
                EVENTS_PER_ACCOUNT, entity.job.getPublished(), entity.sinceCreation.toMillis(),
                entity.running.toMillis(), dryLine, rates(full.progress),
                entityPlan.stream().map(String::strip).collect(Collectors.joining(" / ")),
                rangePlan.stream().map(String::strip).collect(Collectors.joining(" / ")));
    }
}
