package org.banksuite.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console over real HTTP: its session cookie, as a browser receives it on the way to signing in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTest {

    private static final WireMockServer ISSUER = IssuerStub.discoverable();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        IssuerStub.register(properties, ISSUER);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop();
    }

    @Test
    void keepsTheSignInInAnHttpOnlySameSiteLaxCookieOfItsOwnName() throws Exception {
        HttpResponse<Void> toSignIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/oauth2/authorization/suite")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(toSignIn.headers().firstValue("Location").orElseThrow())
                .startsWith(ISSUER.baseUrl() + "/oauth2/authorize?").contains("code_challenge_method=S256");
        assertThat(toSignIn.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("CONSOLE_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }
}
