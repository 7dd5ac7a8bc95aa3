package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

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

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}
