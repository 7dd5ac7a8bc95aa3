package org.banksuite.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's token source against a token endpoint that answers as the issuer's does (the issuer itself is tested
 * in auth-issuer; the demo against it through ./suite demo): one request per identity while its token is fresh.
 */
class AccessTokensTest {

    /** support-agent:wrong */
    private static final String REFUSED_CREDENTIALS = "Basic c3VwcG9ydC1hZ2VudDp3cm9uZw==";

    private HttpServer endpoint;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile long expiresIn = 300;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/oauth2/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + form);
            boolean known = !REFUSED_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (known ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    @Test
    void asksForACustomerTokenAsTheBffNamingTheCustomer() {
        String token = tokens().customer("alice smith").get();

        assertThat(token).isEqualTo("token-1");
        assertThat(requests).containsExactly("Basic bW9iaWxlLWJmZjpiZmYtc2VjcmV0"   // mobile-bff:bff-secret
                + " grant_type=client_credentials&customer_id=alice+smith");
    }

    @Test
    void reusesEachIdentitysTokenWhileItIsFresh() {
        AccessTokens tokens = tokens();

        assertThat(tokens.customer("alice").get()).isEqualTo(tokens.customer("alice").get());
        assertThat(tokens.customer("bob").get()).isNotEqualTo(tokens.customer("alice").get());
        assertThat(tokens.client("operator").get()).isEqualTo(tokens.client("operator").get());
        assertThat(requests).hasSize(3);
    }

    @Test
    void fetchesANewTokenWhenTheCachedOneIsAboutToExpire() {
        expiresIn = 0;   // a short lifetime is renewed half-way through: this one at once
        AccessTokens tokens = tokens();

        String first = tokens.client("operator").get();
        String second = tokens.client("operator").get();

        assertThat(second).isNotEqualTo(first);
        assertThat(requests).hasSize(2);
    }

    @Test
    void sendsNoTokenWhenThereIsNoIssuer() {
        assertThat(AccessTokens.none().customer("alice").get()).isNull();
        assertThat(requests).isEmpty();
    }

    @Test
    void saysWhichIdentityTheIssuerRefused() {
        AccessTokens tokens = tokens();

        assertThatThrownBy(() -> tokens.client("support-agent").get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("support-agent").hasMessageContaining("401").hasMessageContaining("invalid_client");
    }

    @Test
    void saysWhichClientHasNoSecret() {
        assertThatThrownBy(() -> tokens().client("mallory").get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mallory");
        assertThat(requests).isEmpty();
    }

    private AccessTokens tokens() {
        return AccessTokens.fromIssuer("http://127.0.0.1:" + endpoint.getAddress().getPort(),
                Map.of("mobile-bff", "bff-secret", "operator", "operator-secret", "support-agent", "wrong"));
    }
}
