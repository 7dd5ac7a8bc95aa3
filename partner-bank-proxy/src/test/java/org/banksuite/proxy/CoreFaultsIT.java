package org.banksuite.proxy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.UUID;
import org.banksuite.testsupport.JsonHttp.Answer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** What the proxy does and answers for each way the core can fail. */
class CoreFaultsIT extends ProxyIT {

    private static final String PAYMENTS = "/core/v1/payments";
    private static final String BALANCE = "/core/v1/accounts/1234/1000001/balance";

    @Test
    void passesAPaymentWithItsIdempotencyKeyUntouchedAndAnswersTheCoresResult() {
        String key = "transfer-" + UUID.randomUUID();
        core.stubFor(post(PAYMENTS).willReturn(created().withHeader("Content-Type", "application/json")
                .withBody(acceptedPayment(key))));

        Answer answer = proxy.post(PAYMENTS, key, payment()).expect(201);

        assertThat(answer.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(answer.json().get("idempotencyKey").asString()).isEqualTo(key);
        core.verify(1, postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(matchingJsonPath("$.amount.amount", equalTo("125.50"))));
    }

    @Test
    void retriesA5xxAndAnswersTheCoresResultWhenALaterAttemptSucceeds() {
        String key = "transfer-" + UUID.randomUUID();
        core.stubFor(post(PAYMENTS).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("recovered"));
        core.stubFor(post(PAYMENTS).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(created().withHeader("Content-Type", "application/json").withBody(acceptedPayment(key))));

        proxy.post(PAYMENTS, key, payment()).expect(201);

        core.verify(2, postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void answers502CoreErrorWhenTheCoreKeepsAnswering5xxAfterThreeAttemptsWithTheSameKey() {
        String key = "transfer-" + UUID.randomUUID();
        core.stubFor(post(PAYMENTS).willReturn(serviceUnavailable()));

        Answer answer = proxy.post(PAYMENTS, key, payment()).expect(502);

        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-error");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        core.verify(3, postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void answers504CoreTimeoutWhenTheCoreAnswersSlowerThanTheTimeoutOnEveryAttempt() {
        core.stubFor(get(BALANCE).willReturn(okJson(balance()).withFixedDelay(2_500)));

        Answer answer = proxy.get(BALANCE).expect(504);

        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-timeout");
        core.verify(3, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void answers502CoreErrorWhenTheCoreResetsTheConnectionOnEveryAttempt() {
        String key = "transfer-" + UUID.randomUUID();
        core.stubFor(post(PAYMENTS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Answer answer = proxy.post(PAYMENTS, key, payment()).expect(502);

        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-error");
        assertThat(answer.json().get("detail").asString()).contains("outcome is unknown");
        core.verify(3, postRequestedFor(urlEqualTo(PAYMENTS)).withHeader("Idempotency-Key", equalTo(key)));
    }

    @Test
    void answers502CoreBadResponseForAMalformedBodyWithoutRetrying() {
        core.stubFor(get(BALANCE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"registrationNumber\": \"1234\", \"balance\": ")));

        Answer answer = proxy.get(BALANCE).expect(502);

        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-bad-response");
        core.verify(1, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void retriesACore429AfterItsShortRetryAfter() {
        core.stubFor(get(BALANCE).inScenario("quota").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        core.stubFor(get(BALANCE).inScenario("quota").whenScenarioStateIs("open").willReturn(okJson(balance())));

        long started = System.nanoTime();
        proxy.get(BALANCE).expect(200);

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
        core.verify(2, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void aCore429WithALongRetryAfterIsAnsweredAndPausesEveryCallUntilThen() {
        core.stubFor(get(BALANCE).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        Answer refused = proxy.get(BALANCE).expect(429);
        Answer next = proxy.post(PAYMENTS, "transfer-" + UUID.randomUUID(), payment()).expect(429);

        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-quota-exceeded");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(115L, 120L);
        assertThat(next.json().get("type").asString()).isEqualTo("urn:banksuite:problem:proxy-quota-exhausted");
        assertThat(Long.parseLong(next.header("Retry-After"))).isBetween(115L, 120L);
        core.verify(1, getRequestedFor(urlEqualTo(BALANCE)));
        core.verify(0, postRequestedFor(urlEqualTo(PAYMENTS)));
        assertThat(admin.get("/admin/v1/quota").expect(200).json().get("corePausedUntil")).isNotNull();
    }

    @Test
    void passesTheCoresOwnRefusalThroughUnchangedAndDoesNotRetryIt() {
        String problem = """
                {"type": "urn:banksuite:problem:core-account-not-found", "title": "Core account not found",
                 "status": 404, "detail": "no account 1234 1000001"}""";
        core.stubFor(get(BALANCE).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));

        Answer answer = proxy.get(BALANCE).expect(404);

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-account-not-found");
        assertThat(answer.json().get("detail").asString()).isEqualTo("no account 1234 1000001");
        core.verify(1, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndThenAnswers503WithoutCallingTheCore() {
        core.stubFor(get(BALANCE).willReturn(serverError()));
        Answer answer = proxy.get(BALANCE);
        for (int calls = 1; answer.status() == 502 && calls < 10; calls++) {
            answer = proxy.get(BALANCE);
        }
        int sent = core.findAll(getRequestedFor(urlEqualTo(BALANCE))).size();

        Answer refused = proxy.get(BALANCE).expect(503);

        assertThat(sent).as("calls the core saw before the circuit opened").isBetween(10, 12);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-unavailable");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        core.verify(sent, getRequestedFor(urlEqualTo(BALANCE)));
    }

    @Test
    void refusesAPaymentWithoutIdempotencyKeyWithoutCallingTheCore() {
        Answer answer = proxy.post(PAYMENTS, null, payment()).expect(400);

        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:idempotency-key-missing");
        core.verify(0, postRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void everyAttemptIsCountedAgainstTheQuota() {
        core.stubFor(get(BALANCE).willReturn(serverError()));

        proxy.get(BALANCE).expect(502);

        assertThat(jdbc.sql("select sum(used) from quota_usage where window_kind = 'MINUTE'").query(Long.class).single())
                .isEqualTo(3);
    }
}
