package org.banksuite.proxy;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy in front of the real partner-bank-simulator, which counts its own quota in calendar minutes and answers
 * 429 beyond it: callers that keep asking (and honour the proxy's Retry-After) use the core's quota fully and never
 * see the core refuse, across a window boundary and with two proxy replicas sharing one quota.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulatorQuotaIT {

    private static final Pattern CORE_REFUSALS =
            Pattern.compile("simulator_core_requests_total\\{[^}]*outcome=\"quota_exceeded\"[^}]*} ([0-9.E]+)");

    static final TestDatabase database = TestInfrastructure.get().newDatabase("proxy");
    static final ServiceProcess simulator;

    static {
        try {
            simulator = ServiceProcess.start("partner-bank-simulator", TestInfrastructure.get().newDatabase("simulator"),
                    TestIssuer.get().springArguments());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
    void underSaturationTheCoreNeverAnswers429WhileAtLeast95PercentOfItsQuotaIsUsed() throws Exception {
        long limit = 120;
        awaitAtLeastLeftInMinute(Duration.ofSeconds(6));
        double refusedBefore = coreRefusals();
        sameQuotaAtBothEnds(limit);
        JsonHttp proxy = new JsonHttp("http://localhost:" + port).as(adapter());
        Instant boundary = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);

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
        return new SpringApplicationBuilder(ProxyApplication.class).run(
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
        Instant now = Instant.now();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (Duration.between(now, end).compareTo(needed) < 0) {
            sleepUntil(end.plusSeconds(1));
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
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
