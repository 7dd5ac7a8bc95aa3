package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** WireMock servers for the console's tests: the issuer as the console discovers it at start, and plain ones. */
final class IssuerStub {

    private IssuerStub() {
    }

    /** An issuer whose OpenID configuration the console reads at start; nobody signs in there in these tests. */
    static WireMockServer discoverable() {
        WireMockServer issuer = started();
        issuer.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration")).willReturn(okJson("""
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/oauth2/authorize",
                 "token_endpoint": "%1$s/oauth2/token", "jwks_uri": "%1$s/oauth2/jwks",
                 "end_session_endpoint": "%1$s/connect/logout", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid"]}""".formatted(issuer.baseUrl()))));
        return issuer;
    }

    /** Makes {@code issuer} the console's issuer, with the client secret the tests' console uses. */
    static void register(DynamicPropertyRegistry properties, WireMockServer issuer) {
        properties.add("spring.security.oauth2.client.provider.suite.issuer-uri", issuer::baseUrl);
        properties.add("spring.security.oauth2.client.registration.suite.client-secret", () -> "test-secret");
    }

    /**
     * The console's services for the page tests: accounts-service played by {@code accounts}; transfers-service and
     * the adapter on a port nothing listens on, so they do not answer.
     */
    static void registerOnlyAccountsAnswering(DynamicPropertyRegistry properties, WireMockServer accounts) {
        properties.add("console.services.accounts-service.base-url", accounts::baseUrl);
        properties.add("console.services.transfers-service.base-url", () -> "http://127.0.0.1:9");
        properties.add("console.services.partner-bank-adapter.base-url", () -> "http://127.0.0.1:9");
    }

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
