package org.banksuite.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A service whose issuer's keys cannot be fetched tells the caller to come back, not that its token is bad. */
@SpringBootTest(classes = DoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=accounts-service",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks"})
class UnreachableIssuerTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.get().issuerUri());
    }

    @Test
    void answers503WithRetryAfterWhenTheIssuersKeysCannotBeFetched() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/things/1"))
                .header("Authorization", "Bearer " + TestIssuer.get().customer("alice")).build(),
                HttpResponse.BodyHandlers.ofString());

        DoorTest.assertProblem(answer, 503, "urn:banksuite:problem:issuer-unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    }
}
