package org.banksuite.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * The proxy's benchmark (not part of the test run; see the module README for the command). The simulator and the
 * proxy run as their own JVMs, as in the local stack; this JVM only generates load.
 * <ol>
 *   <li>Added latency: the same read at a steady rate (an open loop, so a slow answer does not slow the sender),
 *   first straight to the core, then through the proxy; p50 and p99 of each and of the difference.</li>
 *   <li>Quota utilisation under saturation: callers that ask as fast as they are answered (honouring Retry-After)
 *   for one whole calendar minute; the share of the core's quota the core counted, and its 429 answers.</li>
 * </ol>
 */
class ProxyBenchmark {

    private static final int RATE_PER_SECOND = Integer.getInteger("benchmark.rate", 50);
    private static final Duration STEADY = Duration.ofSeconds(Long.getLong("benchmark.seconds", 30));
    private static final long QUOTA_PER_MINUTE = Long.getLong("benchmark.quota", 300);
    private static final int SATURATING_CALLERS = 16;
    private static final Pattern CORE_REFUSALS =
            Pattern.compile("simulator_core_requests_total\\{[^}]*outcome=\"quota_exceeded\"[^}]*} ([0-9.E]+)");

    @Test
    void measure() throws Exception {
        TestIssuer issuer = TestIssuer.get();
        try (ServiceProcess simulator = ServiceProcess.start("partner-bank-simulator",
                TestInfrastructure.get().newDatabase("simulator"), issuer.springArguments());
             ServiceProcess proxy = ServiceProcess.start("partner-bank-proxy", TestInfrastructure.get().newDatabase("proxy"),
                     proxyArguments(simulator))) {
            // one caller per door that may both operate it and call it (the benchmark sets the quotas it measures)
            JsonHttp core = new JsonHttp(simulator.baseUrl()).as(issuer.token("partner-bank-proxy",
                    List.of("service", "admin"), List.of("partner-bank-simulator")));
            JsonHttp viaProxy = new JsonHttp(proxy.baseUrl()).as(issuer.token("partner-bank-adapter",
                    List.of("service", "admin"), List.of("partner-bank-proxy")));
            core.put("/admin/v1/quota", "{\"limit\": 1000000, \"window\": \"MINUTE\"}").expect(200);
            String account = core.post("/core/v1/accounts", null,
                    "{\"externalId\": \"benchmark\", \"recordType\": \"PERSONAL\", \"currency\": \"DKK\"}")
                    .expect(201).json().get("accountNumber").asString();
            String balance = "/core/v1/accounts/1234/" + account + "/balance";

            steadyRate(core, balance, Duration.ofSeconds(5));
            List<Long> direct = steadyRate(core, balance, STEADY);
            steadyRate(viaProxy, balance, Duration.ofSeconds(5));
            Inside before = Inside.scrape(viaProxy);
            List<Long> proxied = steadyRate(viaProxy, balance, STEADY);
            Inside inside = Inside.scrape(viaProxy).minus(before);

            Saturation saturation = Boolean.parseBoolean(System.getProperty("benchmark.saturation", "true"))
                    ? saturate(core, viaProxy, balance) : new Saturation(QUOTA_PER_MINUTE, 0, 0, 0, 0);

            String report = report(direct, proxied, inside, saturation);
            System.out.println(report);
            Files.writeString(Files.createDirectories(Path.of("target")).resolve("proxy-benchmark.md"), report);
        }
    }

    /** Sends one request every 1/rate seconds for the duration and answers each one's latency in microseconds. */
    private static List<Long> steadyRate(JsonHttp target, String path, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
        long start = System.nanoTime();
        long requests = duration.toSeconds() * RATE_PER_SECOND;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < requests; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                senders.submit(() -> {
                    long sent = System.nanoTime();
                    if (target.get(path).status() == 200) {
                        latencies.add((System.nanoTime() - sent) / 1_000);
                    } else {
                        failures.incrementAndGet();
                    }
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed at a steady rate");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted;
    }

    /** The proxy's own timers: time taking a request from the quota, and time waiting for the core. */
    private record Inside(double quotaSeconds, double quotaCount, double coreSeconds, double coreCount) {

        private static final Pattern QUOTA_SUM = Pattern.compile(
                "proxy_lane_wait_seconds_sum\\{[^}]*lane=\"interactive\",outcome=\"granted\"[^}]*} ([0-9.E-]+)");
        private static final Pattern QUOTA_COUNT = Pattern.compile(
                "proxy_lane_wait_seconds_count\\{[^}]*lane=\"interactive\",outcome=\"granted\"[^}]*} ([0-9.E-]+)");
        private static final Pattern CORE_SUM = Pattern.compile(
                "proxy_core_calls_seconds_sum\\{[^}]*operation=\"get_balance\",outcome=\"ok\"[^}]*} ([0-9.E-]+)");
        private static final Pattern CORE_COUNT = Pattern.compile(
                "proxy_core_calls_seconds_count\\{[^}]*operation=\"get_balance\",outcome=\"ok\"[^}]*} ([0-9.E-]+)");

        static Inside scrape(JsonHttp proxy) {
            String metrics = proxy.get("/actuator/prometheus").expect(200).body();
            return new Inside(value(QUOTA_SUM, metrics), value(QUOTA_COUNT, metrics), value(CORE_SUM, metrics),
                    value(CORE_COUNT, metrics));
        }

        Inside minus(Inside earlier) {
            return new Inside(quotaSeconds - earlier.quotaSeconds, quotaCount - earlier.quotaCount,
                    coreSeconds - earlier.coreSeconds, coreCount - earlier.coreCount);
        }

        long meanQuotaMicros() {
            return Math.round(quotaSeconds / quotaCount * 1e6);
        }

        long meanCoreMicros() {
            return Math.round(coreSeconds / coreCount * 1e6);
        }

        private static double value(Pattern pattern, String metrics) {
            Matcher matcher = pattern.matcher(metrics);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
        }
    }

    private record Saturation(long limit, long used, double coreRefusals, long callersServed, long callersRefused) {
    }

    /** Callers saturate the proxy for one whole calendar minute, both ends counting from zero just before it. */
    private static String[] proxyArguments(ServiceProcess simulator) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--proxy.core.base-url=" + simulator.baseUrl(),
                "--proxy.quota.per-minute=1000000"));
        arguments.addAll(List.of(TestIssuer.get().springArguments()));
        arguments.addAll(List.of(TestIssuer.get().clientArguments("core", "partner-bank-proxy")));
        return arguments.toArray(String[]::new);
    }

    private static Saturation saturate(JsonHttp core, JsonHttp proxy, String path) throws Exception {
        Instant boundary = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (Duration.between(Instant.now(), boundary).toSeconds() < 5) {
            boundary = boundary.plus(1, ChronoUnit.MINUTES);
        }
        sleepUntil(boundary.minusSeconds(3));
        double refusedBefore = coreRefusals(core);
        core.put("/admin/v1/quota", "{\"limit\": %d, \"window\": \"MINUTE\"}".formatted(QUOTA_PER_MINUTE)).expect(200);
        proxy.put("/admin/v1/quota", "{\"perMinute\": %d, \"interactiveReserve\": 0}".formatted(QUOTA_PER_MINUTE))
                .expect(200);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long used;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SATURATING_CALLERS; i++) {
                callers.submit(() -> {
                    while (running.get()) {
                        JsonHttp.Answer answer = proxy.get(path);
                        (answer.status() == 200 ? served : refused).incrementAndGet();
                        String retryAfter = answer.header("Retry-After");
                        for (long waited = 0; retryAfter != null && running.get()
                                && waited < Long.parseLong(retryAfter) * 1000; waited += 50) {
                            Thread.sleep(50);
                        }
                    }
                    return null;
                });
            }
            sleepUntil(boundary.plus(1, ChronoUnit.MINUTES).minusMillis(700));
            used = core.get("/admin/v1/quota").expect(200).json().get("used").asLong();
            sleepUntil(boundary.plus(1, ChronoUnit.MINUTES).plusSeconds(3));
            running.set(false);
        }
        return new Saturation(QUOTA_PER_MINUTE, used, coreRefusals(core) - refusedBefore, served.get(), refused.get());
    }

    private static String report(List<Long> direct, List<Long> proxied, Inside inside, Saturation saturation) {
        return """
                ## partner-bank-proxy benchmark (%s)

                Added latency, %d requests per second for %d s of `GET .../balance`, open loop (microseconds):

                | path | p50 | p99 | requests |
                |---|---:|---:|---:|
                | straight to the core (simulator) | %d | %d | %d |
                | through the proxy | %d | %d | %d |
                | **added by the proxy** | **%d** | **%d** | |

                Inside the proxy, on average per request: %d µs taking a request from the shared quota (PostgreSQL),
                %d µs waiting for the core's answer.

                Quota utilisation under saturation, %d callers for one whole calendar minute against a core allowing
                %d requests per minute:

                | core's count in the window | utilisation | 429 answers from the core | callers served / told to wait |
                |---:|---:|---:|---:|
                | %d of %d | %.1f %% | %.0f | %d / %d |
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), RATE_PER_SECOND, STEADY.toSeconds(),
                percentile(direct, 50), percentile(direct, 99), direct.size(),
                percentile(proxied, 50), percentile(proxied, 99), proxied.size(),
                percentile(proxied, 50) - percentile(direct, 50), percentile(proxied, 99) - percentile(direct, 99),
                inside.meanQuotaMicros(), inside.meanCoreMicros(),
                SATURATING_CALLERS, saturation.limit(), saturation.used(), saturation.limit(),
                100.0 * saturation.used() / saturation.limit(), saturation.coreRefusals(),
                saturation.callersServed(), saturation.callersRefused());
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double coreRefusals(JsonHttp core) {
        Matcher refusals = CORE_REFUSALS.matcher(core.get("/actuator/prometheus").expect(200).body());
        return refusals.find() ? Double.parseDouble(refusals.group(1)) : 0;
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
