package org.banksuite.accounts.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem and changes nothing; Idempotency-Keys make creating requests safe to repeat. */
class RequestValidationIT extends ComponentTest {

    private static final String VALID = """
            {"customerId": "%s", "currency": "DKK", "recordType": "PERSONAL"}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void refusesMalformedJson() throws Exception {
        assertProblem(post("/v1/accounts", "k-1", "{\"customerId\": "), 400, "malformed-request");
        assertNothingOpenedFor("anyone");
    }

    @Test
    void refusesAnOpeningWithoutIdempotencyKey() throws Exception {
        assertProblem(post("/v1/accounts", null, VALID.formatted("v-1")), 400, "idempotency-key-missing");
        assertNothingOpenedFor("v-1");
    }

    @Test
    void refusesAnUnknownCurrency() throws Exception {
        HttpResponse<String> response = post("/v1/accounts", "k-2", """
                {"customerId": "v-2", "currency": "USD", "recordType": "PERSONAL"}""");
        assertProblem(response, 422, "unsupported-currency");
        assertNothingOpenedFor("v-2");
    }

    @Test
    void refusesAnUnknownRecordType() throws Exception {
        HttpResponse<String> response = post("/v1/accounts", "k-3", """
                {"customerId": "v-3", "currency": "DKK", "recordType": "GOLD"}""");
        assertProblem(response, 422, "invalid-request");
        assertThat(body(response).get("errors").get(0).get("field").asString()).isEqualTo("recordType");
        assertNothingOpenedFor("v-3");
    }

    /** The customer is the token's: a body without {@code customerId} opens the caller's account. */
    @Test
    void opensTheCallersAccountWhenTheBodyNamesNoCustomer() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/accounts"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "k-4")
                .header("Authorization", bearer(issuer.customer("v-4")))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"currency": "DKK", "recordType": "PERSONAL"}""")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        awaitOpenedFor("v-4", 1);
    }

    @Test
    void answersNotFoundForAnUnknownAccount() throws Exception {
        assertProblem(get("/v1/accounts/" + UUID.randomUUID()), 404, "account-not-found");
        assertProblem(get("/v1/accounts/not-a-uuid"), 404, "account-not-found");
        assertProblem(get("/v1/accounts/" + UUID.randomUUID() + "/postings"), 404, "account-not-found");
        assertProblem(post("/v1/accounts/" + UUID.randomUUID() + "/unblock", null, ""), 404, "account-not-found");
    }

    @Test
    void refusesALimitBeyondTheMaximumAndACursorItDidNotIssue() throws Exception {
        UUID id = open("v-5", org.banksuite.api.accounts.client.model.Currency.DKK);
        awaitAccount(id, account -> true);
        assertProblem(get("/v1/accounts/" + id + "/postings?limit=201"), 422, "invalid-request");
        assertProblem(get("/v1/accounts/" + id + "/postings?cursor=bogus"), 422, "invalid-request");
    }

    @Test
    void refusesToCloseAnAccountThatIsNotActive() throws Exception {
        UUID id = open("v-6", org.banksuite.api.accounts.client.model.Currency.DKK);
        assertProblem(post("/v1/accounts/" + id + "/closure", null, ""), 409, "account-state-conflict");
    }

    @Test
    void answersTheSameKeyAndBodyWithTheFirstResponse() throws Exception {
        HttpResponse<String> first = post("/v1/accounts", "same-key", VALID.formatted("i-1"));
        HttpResponse<String> again = post("/v1/accounts", "same-key", VALID.formatted("i-1"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again).get("accountId")).isEqualTo(body(first).get("accountId"));
        awaitOpenedFor("i-1", 1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() throws Exception {
        post("/v1/accounts", "reused-key", VALID.formatted("i-2"));
        assertProblem(post("/v1/accounts", "reused-key", VALID.formatted("i-3")), 422, "idempotency-key-reused");
        awaitOpenedFor("i-2", 1);
        assertNothingOpenedFor("i-3");
    }

    @Test
    void executesConcurrentDuplicatesOnce() throws Exception {
        Callable<HttpResponse<String>> request = () -> post("/v1/accounts", "racing-key", VALID.formatted("i-4"));
        List<Future<HttpResponse<String>>> responses;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            responses = pool.invokeAll(java.util.Collections.nCopies(8, request));
        }
        for (Future<HttpResponse<String>> response : responses) {
            assertThat(response.get().statusCode()).isIn(202, 409);
        }
        awaitOpenedFor("i-4", 1);
        accountsTopic.settle(record -> true, Duration.ofSeconds(1));
        assertThat(accounts.listCustomerAccounts("i-4", null, null, null).getItems()).hasSize(1);
    }

    private void assertNothingOpenedFor(String customerId) {
        assertThat(accounts.listCustomerAccounts(customerId, null, null, null).getItems()).isEmpty();
        assertThat(accountsTopic.settle(record -> new String(record.value()).contains("\"" + customerId + "\""),
                Duration.ofMillis(500))).isEmpty();
    }

    private void awaitOpenedFor(String customerId, int count) {
        org.awaitility.Awaitility.await().atMost(PATIENCE)
                .until(() -> accounts.listCustomerAccounts(customerId, null, null, null).getItems().size() == count);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:banksuite:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer(tokenFor(path, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", bearer(tokenFor(path, ""))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
