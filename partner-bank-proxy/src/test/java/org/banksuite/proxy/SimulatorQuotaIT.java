package org.banksuite.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy in front of the real partner-bank-simulator, which counts its own quota in calendar minutes and answers
 * 429 beyond it: callers that keep asking (and honour the proxy's Retry-After) use the core's quota fully and never
 * see the core refuse, across a window boundary and with two proxy replicas sharing one quota.
 * <p>
 * The simulator and both proxy replicas run on one {@link #clock}: the system clock shifted by the same amount
 * ({@code simulator.clock.offset}, and a {@code Clock} bean in the proxy), chosen when the class starts so that
 * the first test meets a minute boundary a few seconds after the services are up, instead of waiting for the next
 * calendar minute. The order only saves time: each test still waits for the place in the minute it needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SimulatorQuotaIT.SharedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorQuotaIT {

    /** How long before a boundary the saturation test starts its load: time enough to use the first window fully. */
    private static final Duration LOAD_BEFORE_BOUNDARY = Duration.ofSeconds(10);
    /** The least of that time the test accepts before it waits for the next boundary instead. */
    private static final Duration LEAST_LOAD_BEFORE_BOUNDARY = Duration.ofSeconds(6);
    /**
     * What starting the simulator and the proxy's context takes, from the choice of the shift: about 16 s on this
     * machine alone, more while other tests run beside it. A start that takes longer costs the next minute.
     */
    private static final Duration EXPECTED_STARTUP = Duration.ofSeconds(30);

    private static final Pattern CORE_REFUSALS =
            Pattern.compile("simulator_core_requests_total\\{[^}]*outcome=\"quota_exceeded\"[^}]*} ([0-9.E]+)");

    static final TestDatabase database = TestInfrastructure.get().newDatabase("proxy");
    private static final TestDatabase simulatorDatabase = TestInfrastructure.get().newDatabase("simulator");
    /**
     * The shift of the shared clock, chosen once the databases are there: the clock reads
     * {@link #LOAD_BEFORE_BOUNDARY} before the end of a minute when the services are up, if they start within
     * {@link #EXPECTED_STARTUP}.
     */
    static final Duration SHIFT =
            shiftToReach(Duration.ofMinutes(1).minus(LOAD_BEFORE_BOUNDARY).minus(EXPECTED_STARTUP));
    /** The simulator's and every proxy replica's clock. */
    static final Clock clock = Clock.offset(Clock.systemUTC(), SHIFT);
    static final ServiceProcess simulator;

    static {
        try {
            // ServiceProcess adds the TestIssuer's arguments
            simulator = ServiceProcess.start("partner-bank-simulator", simulatorDatabase,
                    "--simulator.clock.offset=" + SHIFT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared clock, for the replica the test runs and for {@link #secondReplica()}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        Clock sharedClock() {
            return clock;
        }
    }

    /** The shift that makes the system clock read {@code intoTheMinute} past a minute's start now. */
    private static Duration shiftToReach(Duration intoTheMinute) {
        Instant now = Instant.now();
        return intoTheMinute.minus(Duration.between(now.truncatedTo(ChronoUnit.MINUTES), now));
    }

    @DynamicPropertySource
    static void proxyProperties(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", database::jdbcUrl);
        properties.add("spring.datasource.username", database::username);
        properties.add("spring.datasource.password", database::password);
        properties.add("proxy.core.base-url", simulator::baseUrl);
        TestIssuer.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        TestIssuer.get().clientProperties("core", "partner-bank-proxy")
                .forEach((name, value) -> properties.add(name, () -> value));
    }

    @AfterAll
    static void stopSimulator() throws InterruptedException {
        simulator.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** The simulator's admin API, as an operator. */
    private final JsonHttp core = new JsonHttp(simulator.baseUrl()).as(TestIssuer.get().admin());
    private String balance;

    @BeforeEach
    void anAccountAtTheCore() {
        core.put("/admin/v1/quota", """
                {"limit": 100000, "window": "MINUTE"}""").expect(200);
        JsonHttp asTheProxy = new JsonHttp(simulator.baseUrl()).as(TestIssuer.get().service("partner-bank-proxy"));
        String accountNumber = asTheProxy.post("/core/v1/accounts", null, """
                {"externalId": "saturation-%d", "recordType": "PERSONAL", "currency": "DKK"}"""
                .formatted(System.nanoTime())).expect(201).json().get("accountNumber").asString();
        balance = "/core/v1/accounts/1234/" + accountNumber + "/balance";
    }

    @Test
    @Order(1)
    void underSaturationTheCoreNeverAnswers429WhileAtLeast95PercentOfItsQuotaIsUsed() throws Exception {
        long limit = 120;
        JsonHttp proxy = new JsonHttp("http://localhost:" + port).as(adapter());
        warmUp(proxy);
        Instant boundary = firstBoundaryAtLeast(LEAST_LOAD_BEFORE_BOUNDARY);
        sleepUntil(boundary.minus(LOAD_BEFORE_BOUNDARY));
        double refusedBefore = coreRefusals();
        sameQuotaAtBothEnds(limit);

        try (var load = Load.start(List.of(proxy), balance, 8)) {
            sleepUntil(boundary.minusMillis(700));
            long usedInFirstWindow = coreUsed();
            sleepUntil(boundary.plusSeconds(4));
            long usedInSecondWindow = coreUsed();

            assertThat(usedInFirstWindow).as("requests the core counted in the first window").isEqualTo(limit);
            assertThat(usedInSecondWindow).as("requests the core counted in the window after the boundary")
                    .isGreaterThanOrEqualTo((long) Math.ceil(limit * 0.95)).isLessThanOrEqualTo(limit);
            load.stop();
            assertThat(load.answered(200)).isBetween(usedInFirstWindow + usedInSecondWindow - 8,
                    usedInFirstWindow + usedInSecondWindow);
            assertThat(load.answered(429) + load.answered(200)).isEqualTo(load.total());
        }
        assertThat(coreRefusals() - refusedBefore).as("429 answers from the core").isZero();
    }

    @Test
    @Order(2)
    void twoReplicasTogetherUseTheSharedQuotaFullyAndNeverPassIt() throws Exception {
        long limit = 60;
        try (ConfigurableApplicationContext second = secondReplica()) {
            awaitAtLeastLeftInMinute(Duration.ofSeconds(25));
            double refusedBefore = coreRefusals();
            sameQuotaAtBothEnds(limit);
            JsonHttp first = new JsonHttp("http://localhost:" + port).as(adapter());
            JsonHttp other = new JsonHttp("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))
                    .as(adapter());

            try (var load = Load.start(List.of(first, other), balance, 4)) {
                await().atMost(Duration.ofSeconds(18)).until(() -> coreUsed() >= limit);
                Thread.sleep(1_000); // the load goes on: the quota is spent, and must stay unpassed
                load.stop();

                assertThat(coreUsed()).as("requests the core counted").isEqualTo(limit);
                assertThat(load.answered(200)).isEqualTo(limit);
                assertThat(load.answeredBy(first, 200)).isPositive();
                assertThat(load.answeredBy(other, 200)).isPositive();
            }
            assertThat(coreRefusals() - refusedBefore).as("429 answers from the core").isZero();
        }
    }

    private ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(ProxyApplication.class, SharedClock.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--proxy.core.base-url=" + simulator.baseUrl(),
                "--spring.jmx.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.get().issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.get().jwkSetUri(),
                "--spring.security.oauth2.client.registration.core.client-secret=" + TestIssuer.CLIENT_SECRET,
                "--spring.security.oauth2.client.provider.core.token-uri=" + TestIssuer.get().tokenUri());
    }

    /**
     * A few calls through the proxy before the quota is measured, so that its first token fetch, the key set and a
     * cold JIT are not paid from the seconds the load has before the boundary (the counts start afresh after).
     */
    private void warmUp(JsonHttp proxy) {
        for (int i = 0; i < 20; i++) {
            proxy.get(balance).expect(200);
        }
    }

    /** The core's quota and the proxy's limit, both counting from zero in the current minute. */
    private void sameQuotaAtBothEnds(long limit) {
        core.put("/admin/v1/quota", """
                {"limit": %d, "window": "MINUTE"}""".formatted(limit)).expect(200);
        jdbc.sql("delete from quota_usage").update();
        jdbc.sql("update quota_limits set per_minute = :limit, per_hour = null, interactive_reserve = 0, "
                + "core_paused_until = null").param("limit", limit).update();
    }

    private static String adapter() {
        return TestIssuer.get().service("partner-bank-adapter");
    }

    private long coreUsed() {
        return core.get("/admin/v1/quota").expect(200).json().get("used").asLong();
    }

    private double coreRefusals() {
        Matcher refusals = CORE_REFUSALS.matcher(core.get("/actuator/prometheus").expect(200).body());
        return refusals.find() ? Double.parseDouble(refusals.group(1)) : 0;
    }

    private static void awaitAtLeastLeftInMinute(Duration needed) throws InterruptedException {
        Instant now = clock.instant();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (Duration.between(now, end).compareTo(needed) < 0) {
            sleepUntil(end.plusSeconds(1));
        }
    }

    /** The first minute boundary of the shared clock at least {@code ahead} from now. */
    private static Instant firstBoundaryAtLeast(Duration ahead) {
        return clock.instant().plus(ahead).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(clock.instant(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Callers that ask as fast as they are answered, and wait as long as a 429 or 503 tells them. */
    private static final class Load implements AutoCloseable {

        private record Answered(JsonHttp proxy, int status) {
        }

        private final java.util.concurrent.ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        private final ConcurrentLinkedQueue<Answered> answers = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        static Load start(List<JsonHttp> proxies, String path, int callersPerProxy) {
            Load load = new Load();
            for (JsonHttp proxy : proxies) {
                for (int i = 0; i < callersPerProxy; i++) {
                    load.callers.submit(() -> load.call(proxy, path));
                }
            }
            return load;
        }

        private Void call(JsonHttp proxy, String path) throws InterruptedException {
            while (running) {
                JsonHttp.Answer answer = proxy.get(path);
                answers.add(new Answered(proxy, answer.status()));
                String retryAfter = answer.header("Retry-After");
                if (retryAfter != null) {
                    long waitMillis = Long.parseLong(retryAfter) * 1000;
                    for (long waited = 0; running && waited < waitMillis; waited += 50) {
                        Thread.sleep(50);
                    }
                }
            }
            return null;
        }

        void stop() throws InterruptedException {
            running = false;
            callers.shutdown();
            callers.awaitTermination(30, TimeUnit.SECONDS);
        }

        long answered(int status) {
            return answers.stream().filter(a -> a.status() == status).count();
        }

        long answeredBy(JsonHttp proxy, int status) {
            return answers.stream().filter(a -> a.proxy() == proxy && a.status() == status).count();
        }

        long total() {
            return answers.size();
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
