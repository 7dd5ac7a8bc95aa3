package org.banksuite.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.banksuite.testsupport.JsonHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy calls the core with its own client-credentials token from the issuer, never with its caller's, keeps it
 * across calls, and treats a core refusing that token as a failure to retry, never as the core's answer.
 */
class CoreTokenIT extends ProxyIT {

    private static final String BALANCE = "/core/v1/accounts/1234/1000001/balance";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void callsTheCoreWithItsOwnServiceTokenNotTheAdapters() {
        core.stubFor(get(BALANCE).willReturn(okJson(balance())));

        proxy.get(BALANCE).expect(200);

        LoggedRequest sent = core.findAll(getRequestedFor(urlEqualTo(BALANCE))).getFirst();
        String authorization = sent.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        JsonNode claims = claims(authorization.substring("Bearer ".length()));
        assertThat(claims.get("sub").asString()).isEqualTo("partner-bank-proxy");
        assertThat(claims.get("aud").toString()).contains("partner-bank-simulator");
        assertThat(claims.get("roles").toString()).contains("service");
    }

    @Test
    void keepsItsTokenAcrossCallsInsteadOfAskingTheIssuerEachTime() {
        core.stubFor(get(BALANCE).willReturn(okJson(balance())));
        proxy.get(BALANCE).expect(200);
        int asked = issuer.tokenRequests();

        for (int i = 0; i < 3; i++) {
            proxy.get(BALANCE).expect(200);
        }

        assertThat(issuer.tokenRequests()).isEqualTo(asked);
        List<String> tokens = core.findAll(getRequestedFor(urlEqualTo(BALANCE))).stream()
                .map(request -> request.getHeader("Authorization")).distinct().toList();
        assertThat(tokens).hasSize(1);
    }

    @Test
    void retriesWithANewTokenWhenTheCoreRefusesItsToken() {
        core.stubFor(get(BALANCE).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(unauthorized().withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""))
                .willSetStateTo("fresh"));
        core.stubFor(get(BALANCE).inScenario("token").whenScenarioStateIs("fresh").willReturn(okJson(balance())));
        int asked = issuer.tokenRequests();

        proxy.get(BALANCE).expect(200);

        core.verify(2, getRequestedFor(urlEqualTo(BALANCE)));
        assertThat(issuer.tokenRequests()).as("token requests after the refusal").isGreaterThan(asked);
    }

    @Test
    void answers503NeverTheCoresRefusalWhenTheCoreKeepsRefusingItsToken() {
        String key = "transfer-" + UUID.randomUUID();
        core.stubFor(post("/core/v1/payments").willReturn(forbidden()));

        Answer answer = proxy.post("/core/v1/payments", key, payment()).expect(503);

        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-unavailable");
        assertThat(answer.header("Retry-After")).isNotNull();
        core.verify(3, postRequestedFor(urlEqualTo("/core/v1/payments")).withHeader("Idempotency-Key", equalTo(key)));
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
