package org.banksuite.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door every service shares, against real tokens signed by a real key whose public half is fetched over HTTP:
 * what a caller without a valid token, with the wrong role, or with too big a body gets, and that nothing behind the
 * door ran for them.
 */
@SpringBootTest(classes = DoorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=accounts-service", "suite.security.max-body-size=1KB"})
class DoorTest {

    private static final List<String> CUSTOMER = List.of("customer");
    private static final List<String> MINE = List.of("accounts-service");

    private final TestIssuer issuer = TestIssuer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestIssuer.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void countFromZero() {
        DoorApplication.HANDLED.set(0);
    }

    @Test
    void letsACustomersTokenThroughWithItsSubjectAsTheCaller() throws Exception {
        HttpResponse<String> answer = get("/v1/things/1", issuer.customer("alice"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"caller\": \"alice\"");
    }

    @Test
    void refusesARequestWithoutATokenWithA401ProblemAndABearerChallenge() throws Exception {
        HttpResponse<String> answer = get("/v1/things/1", null);

        assertUnauthorized(answer);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @Test
    void refusesEveryKindOfBadTokenWithA401AndRunsNothing() throws Exception {
        List<Supplier<String>> badTokens = List.of(
                () -> issuer.expired("alice", CUSTOMER, MINE),
                () -> issuer.fromOtherIssuer("alice", CUSTOMER, MINE),
                () -> issuer.token("alice", CUSTOMER, List.of("partner-bank-proxy")),
                () -> issuer.unsigned("alice", CUSTOMER, MINE),
                () -> issuer.tampered("alice", CUSTOMER, MINE),
                () -> issuer.signedByStranger("alice", CUSTOMER, MINE),
                () -> issuer.withoutSubject(CUSTOMER, MINE),
                () -> issuer.withoutExpiry("alice", CUSTOMER, MINE),
                () -> "not-a-jwt",
                () -> "");
        for (Supplier<String> token : badTokens) {
            assertUnauthorized(get("/v1/things/1", token.get()));
        }
        assertThat(DoorApplication.HANDLED).hasValue(0);
    }

    @Test
    void refusesATokenWithoutTheRoleWithA403Problem() throws Exception {
        assertForbidden(get("/ops/v1/letters", issuer.customer("alice")));
        assertForbidden(get("/v1/things/1", issuer.support()));
        assertForbidden(post("/v1/things/1/unlock", issuer.support(), "{}"));
        assertThat(DoorApplication.HANDLED).hasValue(0);
    }

    @Test
    void letsEachRoleThroughItsOwnDoor() throws Exception {
        assertThat(get("/ops/v1/letters", issuer.support()).statusCode()).isEqualTo(200);
        assertThat(post("/v1/things/1/unlock", issuer.supportLead(), "{}").statusCode()).isEqualTo(200);
        assertThat(get("/ops/v1/letters", issuer.supportLead()).body()).contains("support-lead");
    }

    @Test
    void leavesOnlyTheHealthProbesOpen() throws Exception {
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertUnauthorized(get("/actuator/info", null));
        assertUnauthorized(get("/nowhere", null));
    }

    @Test
    void refusesABodyOverTheLimitWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"text\": \"" + "x".repeat(2000) + "\"}";
        assertPayloadTooLarge(post("/v1/things", issuer.customer("alice"), big));
        HttpRequest chunked = HttpRequest.newBuilder(uri("/v1/things"))
                .header("Authorization", "Bearer " + issuer.customer("alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        assertPayloadTooLarge(http.send(chunked, HttpResponse.BodyHandlers.ofString()));
        assertThat(DoorApplication.HANDLED).hasValue(0);

        HttpResponse<String> small = post("/v1/things", issuer.customer("alice"), "{\"text\": \"hello\"}");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).contains("\"length\": 17");
    }

    private void assertUnauthorized(HttpResponse<String> answer) {
        assertProblem(answer, 401, "urn:banksuite:problem:unauthorized");
    }

    private void assertForbidden(HttpResponse<String> answer) {
        assertProblem(answer, 403, "urn:banksuite:problem:forbidden");
    }

    private void assertPayloadTooLarge(HttpResponse<String> answer) {
        assertProblem(answer, 413, "urn:banksuite:problem:payload-too-large");
    }

    static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
