package org.banksuite.accounts.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * The specs bound every request input (OWASP API4: strings {@code maxLength}, arrays {@code maxItems}, numbers
 * {@code maximum}); the service enforces them through the generated bean validation: one past a bound is a 422
 * {@code invalid-request} problem naming the field (or a 400 for a parameter it cannot read), and nothing starts.
 * The caller is a support agent, who may call these operations: the bounds are checked after the door.
 */
class RequestLimitsIT extends ComponentTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String reason = "limits " + UUID.randomUUID();

    @Test
    void refusesAStringOneCharacterLongerThanItsMaxLength() throws Exception {
        assertProblemNaming(createJob("""
                {"receiver": "transfers-service", "producer": {"domain": "%s", "entityType": "account"},
                 "dryRun": true, "reason": "%s"}""".formatted("a".repeat(65), reason)), 422, "invalid-request",
                "producer.domain");
        HttpResponse<String> cursor = send(request("/ops/v1/dead-letters?cursor=" + "A".repeat(1001)).GET());
        assertThat(cursor.statusCode()).as(cursor.body()).isIn(400, 422);
        assertProblem(cursor, cursor.statusCode(), cursor.statusCode() == 400 ? "malformed-request" : "invalid-request");
        assertNoJobs();
    }

    @Test
    void refusesAnArrayWithOneItemMoreThanItsMaxItems() throws Exception {
        String names = IntStream.rangeClosed(1, 101).mapToObj(i -> "\"Event" + i + "\"")
                .collect(Collectors.joining(", "));
        assertProblemNaming(createJob("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "eventNames": [%s], "dryRun": true, "reason": "%s"}""".formatted(names, reason)), 422, "invalid-request",
                "eventNames");
        assertNoJobs();
    }

    @Test
    void refusesANumberOneAboveItsMaximum() throws Exception {
        assertProblemNaming(createJob("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "maxEventsPerSecond": 100001, "dryRun": true, "reason": "%s"}""".formatted(reason)), 422, "invalid-request",
                "maxEventsPerSecond");
        HttpResponse<String> limit = send(request("/ops/v1/audit?limit=201").GET());
        assertThat(limit.statusCode()).as(limit.body()).isIn(400, 422);
        assertNoJobs();
    }

    private HttpResponse<String> createJob(String body) throws Exception {
        return send(request("/ops/v1/reconstitution-jobs")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertNoJobs() throws Exception {
        HttpResponse<String> jobs = send(request("/ops/v1/reconstitution-jobs").GET());
        assertThat(jobs.statusCode()).as(jobs.body()).isEqualTo(200);
        assertThat(jobs.body()).doesNotContain(reason);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + issuer.support());
    }
}
