package org.banksuite.adapter.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * The adapter's API answers every bad request with a typed problem and never a 500: identifiers with control
 * characters or too long (they would reach PostgreSQL), methods, media types and paths it does not serve, and the ops
 * API's texts.
 * <p>
 * Run as a {@code @Nested} class of {@link SupportApiIT}, on its adapter.
 */
abstract class BoundaryChecks {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesLookupsByIdentifiersWithControlCharactersOrTooLong() throws Exception {
        assertProblem(send(request("/v1/core-operations?accountId=a%00b").GET()), 422, "invalid-request");
        assertProblem(send(request("/v1/core-operations?transferId=" + "t".repeat(65)).GET()), 422, "invalid-request");
        assertProblem(send(request("/v1/core-operations?transferId=a%C2%85b").GET()), 422, "invalid-request");
    }

    @Test
    void answersMethodsMediaTypesAndPathsItDoesNotServeWithProblems() throws Exception {
        assertProblem(send(request("/v1/core-operations").DELETE()), 405, "method-not-allowed");
        assertProblem(send(request("/v1/core-operations").header("Accept", "application/xml").GET()), 406,
                "not-acceptable");
        assertProblem(send(request("/v1/nothing-here").GET()), 404, "not-found");
        assertProblem(send(request("/ops/v1/reconstitution-jobs").header("X-Support-User", "alice")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("replay"))), 415,
                "unsupported-media-type");
    }

    @Test
    void refusesOpsTextsAndUnknownFields() throws Exception {
        assertProblemNaming(send(request("/ops/v1/dead-letters/" + UUID.randomUUID() + "/eviction")
                .header("X-Support-User", "alice").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"gone\\u0000\"}"))), 422, "invalid-request",
                "reason");
        assertProblemNaming(send(request("/ops/v1/dead-letters/" + UUID.randomUUID() + "/eviction")
                .header("X-Support-User", "alice").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"gone\", \"reasn\": \"typo\"}"))), 400,
                "malformed-request", "reasn");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestIssuer.get().supportLead());
    }
}
