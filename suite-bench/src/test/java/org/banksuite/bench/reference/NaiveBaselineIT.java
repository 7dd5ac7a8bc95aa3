package org.banksuite.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.bench.load.Submission;
import org.banksuite.bench.load.TransferOrder;
import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.EmbeddedPostgresSettings;
import org.banksuite.infra.KafkaBroker;
import org.banksuite.infra.KafkaBrokerSettings;
import org.banksuite.infra.KafkaCredentials;
import org.banksuite.infra.KafkaSecurity;
import org.banksuite.launcher.kafka.KafkaAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline started as the benchmark starts it (its jar, a child JVM, a free port), driven through
 * {@link BaselineTarget}, against a real PostgreSQL and Kafka secured as the local stack's are: a superuser password,
 * and SASL/SCRAM with the administrator's client settings.
 */
class NaiveBaselineIT {

    private static final Path JAR = Path.of("..", "bench-baseline", "target", "bench-baseline.jar");
    /** The client compiler and the serial collector, as every JVM the tests start: the bench's own runs keep C2. */
    private static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final KafkaSecurity SECURITY = new KafkaSecurity(
            KafkaCredentials.generate(KafkaAccess.BROKER), KafkaCredentials.generate(KafkaAccess.ADMIN));

    static EmbeddedPostgresServer postgres;
    static KafkaBroker kafka;

    @BeforeAll
    static void startInfrastructure() {
        postgres = new EmbeddedPostgresServer(EmbeddedPostgresSettings.forTests()
                .withSuperuserPassword(UUID.randomUUID().toString())).start();
        kafka = new KafkaBroker(KafkaBrokerSettings.forTests().withSecurity(SECURITY)).start();
    }

    @AfterAll
    static void stopInfrastructure() {
        kafka.close();
        postgres.close();
    }

    @Test
    void startsSeedsAndBooksATransferItIsSentThenStopsOnClose() throws Exception {
        NaiveBaselineSettings settings = new NaiveBaselineSettings(JAR, postgres.jdbcUrl("postgres"),
                postgres.username(), postgres.password(), kafka.bootstrapServers(), SECURITY.admin().clientProperties(),
                "baseline.transfers.it",
                3, new BigDecimal("50.00"), TEST_JVM, Path.of("target", "naive-baseline-it.log"));
        long pid;
        try (NaiveBaseline baseline = NaiveBaseline.start(settings);
             BaselineTarget target = new BaselineTarget(baseline.baseUri())) {
            pid = baseline.pid();
            assertThat(baseline.accounts()).containsExactly("baseline-0", "baseline-1", "baseline-2");

            Submission submission = target.send(new TransferOrder("baseline-2", "baseline-0", 125, "DKK", "k-1"));

            Submission.Answer answer = submission.answer().get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.transferId()).isNotBlank();
            assertThat(submission.completion().get(30, TimeUnit.SECONDS).booked()).isTrue();
            assertThat(balance(baseline.baseUri(), "baseline-2")).contains("\"48.75\"");
            assertThat(balance(baseline.baseUri(), "baseline-0")).contains("\"51.25\"");
            assertThat(recordKeys("baseline.transfers.it")).containsExactly(answer.transferId());
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void answersARefusedTransferAsNotBooked() throws Exception {
        NaiveBaselineSettings settings = new NaiveBaselineSettings(JAR, postgres.jdbcUrl("postgres"),
                postgres.username(), postgres.password(), kafka.bootstrapServers(), SECURITY.admin().clientProperties(),
                "baseline.transfers.it2",
                2, new BigDecimal("1.00"), TEST_JVM, Path.of("target", "naive-baseline-it.log"));
        try (NaiveBaseline baseline = NaiveBaseline.start(settings);
             BaselineTarget target = new BaselineTarget(baseline.baseUri())) {
            Submission submission = target.send(new TransferOrder("baseline-0", "baseline-1", 101, "DKK", "k-2"));

            assertThat(submission.answer().get(30, TimeUnit.SECONDS).status()).isEqualTo(409);
            assertThat(submission.completion().get(30, TimeUnit.SECONDS).booked()).isFalse();
            assertThat(balance(baseline.baseUri(), "baseline-0")).contains("\"1.00\"");
        }
    }

    /** The keys of the records on {@code topic}, read as the administrator until one arrives (at most 30 s). */
    private static List<String> recordKeys(String topic) {
        Map<String, Object> config = new HashMap<>(kafka.adminClientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (keys.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }

    private static String balance(URI baseUri, String account) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(baseUri.resolve("/accounts/" + account)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
