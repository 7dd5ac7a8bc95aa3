package org.banksuite.proxy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.banksuite.testsupport.JsonHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared quota, the lanes and the runtime switch, on a clock the test moves: windows open and close exactly
 * when the test says, and everything else (the database, the HTTP calls) is real.
 */
@Import(QuotaIT.TestClock.class)
class QuotaIT extends ProxyIT {

    private static final String BALANCE = "/core/v1/accounts/1234/1000001/balance";
    private static final String ENTRIES = "/core/v1/accounts/1234/1000001/entries";
    private static final Instant TEN_PAST_NOON = Instant.parse("2026-11-22T12:00:10Z");

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(TEN_PAST_NOON);
        }
    }

    @DynamicPropertySource
    static void lanes(DynamicPropertyRegistry properties) {
        properties.add("proxy.lanes.batch.max-wait", () -> "PT30S");
        properties.add("proxy.lanes.interactive.max-wait", () -> "PT30S");
        properties.add("proxy.lanes.batch.capacity", () -> "3");
        // the test moves the clock; the dispatcher sees it within this instead of a second
        properties.add("proxy.lanes.recheck", () -> "PT0.05S");
    }

    @Autowired
    MutableClock clock;

    @BeforeEach
    void coreAnswers() {
        clock.set(TEN_PAST_NOON);
        core.stubFor(get(BALANCE).willReturn(okJson(balance())));
        core.stubFor(get(urlPathEqualTo(ENTRIES)).willReturn(okJson("""
                {"entries": [], "nextCursor": "0"}""")));
    }

    @Test
    void aPerMinuteLimitSwitchedOnAtRuntimeTakesEffectAtOnceAndCountsWhatTheMinuteAlreadyUsed() {
        limits("""
                {"perHour": 1000}""");
        repeat(8, () -> proxy.get(BALANCE).expect(200));

        Answer switched = limits("""
                {"perMinute": 10}""");
        assertThat(switched.json().get("limits").get("perMinute").asLong()).isEqualTo(10);
        assertThat(switched.json().get("limits").has("perHour")).isFalse();
        assertThat(switched.json().get("windows").get(0).get("used").asLong()).isEqualTo(8);

        repeat(2, () -> proxy.get(BALANCE).expect(200));
        Answer refused = proxy.get(BALANCE).expect(429);

        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:proxy-quota-exhausted");
        assertThat(refused.header("Retry-After")).isEqualTo("51");
        core.verify(10, getRequestedFor(urlEqualTo(BALANCE)));

        clock.set(Instant.parse("2026-11-22T12:01:05Z"));
        proxy.get(BALANCE).expect(200);
    }

    @Test
    void interactiveCallsPassWhileBatchCallsAreKeptOutOfTheInteractiveReserve() {
        limits("""
                {"perMinute": 10, "interactiveReserve": 0.2}""");
        repeat(8, () -> proxy.get(ENTRIES).expect(200));

        Answer batchRefused = proxy.get(ENTRIES).expect(429);
        repeat(2, () -> proxy.get(BALANCE).expect(200));
        Answer interactiveRefused = proxy.get(BALANCE).expect(429);

        assertThat(batchRefused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:proxy-quota-exhausted");
        assertThat(batchRefused.header("Retry-After")).as("until the window's last tenth").isEqualTo("45");
        assertThat(interactiveRefused.header("Retry-After")).as("until the next window").isEqualTo("51");
        core.verify(8, getRequestedFor(urlPathEqualTo(ENTRIES)));
        core.verify(2, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void batchCallsMayUseTheInteractiveReserveInTheWindowsLastTenth() {
        limits("""
                {"perMinute": 10, "interactiveReserve": 0.2}""");
        repeat(8, () -> proxy.get(ENTRIES).expect(200));

        clock.set(Instant.parse("2026-11-22T12:00:55Z"));

        repeat(2, () -> proxy.get(ENTRIES).expect(200));
        core.verify(10, getRequestedFor(urlPathEqualTo(ENTRIES)));
    }

    @Test
    void waitingInteractiveCallsAreServedBeforeBatchCallsThatWaitedLonger() {
        limits("""
                {"perMinute": 4, "interactiveReserve": 0}""");
        clock.set(Instant.parse("2026-11-22T12:00:50Z"));
        repeat(4, () -> proxy.get(BALANCE).expect(200));
        List<CompletableFuture<Answer>> batch = inParallel(3, () -> proxy.get(ENTRIES));
        awaitQueued("batch", 3);
        List<CompletableFuture<Answer>> interactive = inParallel(2, () -> proxy.get(BALANCE));
        awaitQueued("interactive", 2);

        clock.set(Instant.parse("2026-11-22T12:01:01Z"));

        assertThat(statuses(interactive)).containsExactly(200, 200);
        assertThat(statuses(batch)).as("the fourth request of the new window went to a batch call, the fifth is "
                + "refused once it cannot be served within its wait").containsExactlyInAnyOrder(200, 200, 429);
        core.verify(2, getRequestedFor(urlPathEqualTo(ENTRIES)));
    }

    @Test
    void aCallBeyondTheLanesCapacityIsAnswered503WithRetryAfter() {
        limits("""
                {"perMinute": 3, "interactiveReserve": 0}""");
        clock.set(Instant.parse("2026-11-22T12:00:50Z"));
        repeat(3, () -> proxy.get(BALANCE).expect(200));
        List<CompletableFuture<Answer>> waiting = inParallel(3, () -> proxy.get(ENTRIES));
        awaitQueued("batch", 3);

        Answer refused = proxy.get(ENTRIES).expect(503);

        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:proxy-lane-full");
        assertThat(refused.header("Retry-After")).isNotNull();
        clock.set(Instant.parse("2026-11-22T12:01:01Z"));
        assertThat(statuses(waiting)).containsExactly(200, 200, 200);
    }

    @Test
    void nothingIsSentInTheGuardAroundAWindowBoundary() {
        limits("""
                {"perMinute": 100}""");
        clock.set(Instant.parse("2026-11-22T12:00:59.900Z"));

        CompletableFuture<Answer> call = CompletableFuture.supplyAsync(() -> proxy.get(BALANCE));
        awaitQueued("interactive", 1);
        core.verify(0, getRequestedFor(urlEqualTo(BALANCE)));

        clock.set(Instant.parse("2026-11-22T12:01:00.300Z"));

        assertThat(call.orTimeout(10, TimeUnit.SECONDS).join().status()).isEqualTo(200);
        core.verify(1, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void invalidLimitsAreRefusedAsProblemsAndChangeNothing() {
        limits("""
                {"perMinute": 10}""");

        Answer none = admin.put("/admin/v1/quota", "{}").expect(422);
        Answer negative = admin.put("/admin/v1/quota", """
                {"perMinute": -1}""").expect(422);
        Answer reserve = admin.put("/admin/v1/quota", """
                {"perMinute": 10, "interactiveReserve": 0.95}""").expect(422);
        Answer malformed = admin.put("/admin/v1/quota", "{\"perMinute\": ").expect(400);

        for (Answer refused : List.of(none, negative, reserve)) {
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:invalid-request");
        }
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:banksuite:problem:malformed-request");
        assertThat(admin.get("/admin/v1/quota").expect(200).json().get("limits").get("perMinute").asLong())
                .isEqualTo(10);
    }

    private Answer limits(String json) {
        return admin.put("/admin/v1/quota", json).expect(200);
    }

    private void awaitQueued(String lane, int depth) {
        String gauge = "proxy_lane_queue_depth{application=\"partner-bank-proxy\",lane=\"" + lane + "\"} " + depth + ".0";
        await().atMost(10, TimeUnit.SECONDS).until(() -> proxy.get("/actuator/prometheus").body().contains(gauge));
    }

    private static List<Integer> statuses(List<CompletableFuture<Answer>> calls) {
        return calls.stream().map(call -> call.orTimeout(40, TimeUnit.SECONDS).join().status()).toList();
    }

    private static void repeat(int times, Runnable call) {
        IntStream.range(0, times).forEach(i -> call.run());
    }

    private static List<CompletableFuture<Answer>> inParallel(int calls, Supplier<Answer> call) {
        return IntStream.range(0, calls).mapToObj(i -> CompletableFuture.supplyAsync(call, Thread::startVirtualThread))
                .toList();
    }
}
