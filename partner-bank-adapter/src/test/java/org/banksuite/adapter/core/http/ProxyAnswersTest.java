package org.banksuite.adapter.core.http;

import java.nio.charset.StandardCharsets;
import org.banksuite.adapter.core.CoreAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What each answer of the proxy (or none) means to a saga; a refused or missing token is never the core's answer. */
class ProxyAnswersTest {

    private final ProxyAnswers answers = new ProxyAnswers(JsonMapper.builder().build());

    @Test
    void takesTheProxysRefusalOfTheAdaptersTokenForNotServedNowNeverForARefusal() {
        for (HttpStatus status : new HttpStatus[] {HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN}) {
            CoreAnswer<String> answer = answers.<String, String>classify(() -> {
                throw answered(status, "unauthorized");
            }, value -> value).answer();

            assertThat(answer).isInstanceOfSatisfying(CoreAnswer.RetryLater.class, later -> {
                assertThat(later.after()).isNull();
                assertThat(later.why()).contains("HTTP " + status.value());
            });
        }
    }

    @Test
    void takesATokenTheIssuerDidNotGiveForNotServedNow() {
        ClientAuthorizationException noToken = new ClientAuthorizationException(
                new OAuth2Error("invalid_token_response", "the issuer did not answer", null), "core");

        CoreAnswer<String> answer = answers.<String, String>classify(() -> {
            throw noToken;
        }, value -> value).answer();

        assertThat(answer).isInstanceOfSatisfying(CoreAnswer.RetryLater.class,
                later -> assertThat(later.why()).startsWith("no token for the proxy"));
    }

    @Test
    void stillTakesTheCoresOwnFourHundredsForRefusalsAndALostConnectionForUnknown() {
        CoreAnswer<String> conflict = answers.<String, String>classify(() -> {
            throw answered(HttpStatus.CONFLICT, "core-account-balance-not-zero");
        }, value -> value).answer();
        CoreAnswer<String> lost = answers.<String, String>classify(() -> {
            throw new ResourceAccessException("connection reset");
        }, value -> value).answer();

        assertThat(conflict).isInstanceOfSatisfying(CoreAnswer.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.reason()).startsWith("core-account-balance-not-zero");
        });
        assertThat(lost).isInstanceOf(CoreAnswer.Unknown.class);
    }

    private static HttpClientErrorException answered(HttpStatus status, String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        byte[] body = ("{\"type\": \"urn:banksuite:problem:" + type + "\", \"status\": " + status.value() + "}")
                .getBytes(StandardCharsets.UTF_8);
        return HttpClientErrorException.create(status, status.getReasonPhrase(), headers, body, StandardCharsets.UTF_8);
    }
}
