package org.banksuite.accounts.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.Currency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * What reaches the accounts API is what it seems or is refused with a problem: texts that a later hop (PostgreSQL,
 * the core) would refuse, fields the API does not have, keys given twice, methods and media types it does not serve.
 */
class BoundaryIT extends ComponentTest {

    private static final String EMOJI = "\\ud83d\\ude00";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesCustomerIdsWithNulControlCharactersUnpairedSurrogatesOrTooManyCharacters() throws Exception {
        for (String customerId : new String[] {"nul-1\\u0000x", "bel-1\\u0007x", "c1-1\\u0085x", "sur-1\\ud800x",
                "long-1" + "x".repeat(59), "space 1"}) {
            HttpResponse<String> response = post("/v1/accounts", UUID.randomUUID().toString(), """
                    {"customerId": "%s", "currency": "DKK", "recordType": "PERSONAL"}""".formatted(customerId));
            assertProblemNaming(response, 422, "invalid-request", "customerId");
        }
        assertThat(accountsTopic.settle(record -> {
            String value = new String(record.value());
            return value.contains("nul-1") || value.contains("bel-1") || value.contains("c1-1")
                    || value.contains("sur-1") || value.contains("long-1") || value.contains("space 1");
        }, Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void countsCustomerIdsInCodePoints() throws Exception {
        String customerId = EMOJI.repeat(64);
        HttpResponse<String> accepted = post("/v1/accounts", UUID.randomUUID().toString(), """
                {"customerId": "%s", "currency": "DKK", "recordType": "PERSONAL"}""".formatted(customerId));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        HttpResponse<String> refused = post("/v1/accounts", UUID.randomUUID().toString(), """
                {"customerId": "%s", "currency": "DKK", "recordType": "PERSONAL"}""".formatted(customerId + EMOJI));
        assertProblemNaming(refused, 422, "invalid-request", "customerId");
    }

    @Test
    void refusesABlockReasonWithNulAndKeepsTheAccountActive() throws Exception {
        UUID id = openActive("boundary-block", Currency.DKK);
        for (String reason : new String[] {"fraud\\u0000", "fraud\\nsuspected", "\\udc00", "   ", "r".repeat(1001)}) {
            assertProblemNaming(post("/v1/accounts/" + id + "/block", null, """
                    {"reason": "%s"}""".formatted(reason)), 422, "invalid-request", "reason");
        }
        Account account = accounts.getAccount(id, null);
        assertThat(account.getStatus().getValue()).isEqualTo("ACTIVE");
        assertThat(account.getBlockReason()).isNull();
    }

    @Test
    void refusesALookupOfACustomerIdWithAControlCharacter() throws Exception {
        assertProblem(get("/v1/customers/x%07y/accounts"), 422, "invalid-request");
    }

    @Test
    void refusesUnknownFieldsAndDuplicateKeys() throws Exception {
        assertProblemNaming(post("/v1/accounts", UUID.randomUUID().toString(), """
                {"customerId": "typo-1", "currency": "DKK", "recordType": "PERSONAL", "recordTpye": "SAVINGS"}"""),
                400, "malformed-request", "recordTpye");
        assertProblem(post("/v1/accounts", UUID.randomUUID().toString(), """
                {"customerId": "dup-1", "currency": "DKK", "currency": "EUR", "recordType": "PERSONAL"}"""),
                400, "malformed-request");
        assertThat(accounts.listCustomerAccounts("typo-1", null, null, null).getItems()).isEmpty();
        assertThat(accounts.listCustomerAccounts("dup-1", null, null, null).getItems()).isEmpty();
    }

    @Test
    void answersMethodsMediaTypesAndPathsItDoesNotServeWithProblems() throws Exception {
        String account = "/v1/accounts/" + UUID.randomUUID();
        assertProblem(send(request(account).DELETE()), 405, "method-not-allowed");
        assertProblem(send(request("/v1/accounts").header("Idempotency-Key", "k-plain")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))),
                415, "unsupported-media-type");
        assertProblem(send(request(account).header("Accept", "application/xml").GET()), 406, "not-acceptable");
        assertProblem(get("/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void refusesAReconstitutionJobWithANullEntityId() throws Exception {
        HttpResponse<String> response = send(request("/ops/v1/reconstitution-jobs").header("X-Support-User", "alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                         "entityIds": [null], "reason": "replay"}""")));
        assertThat(response.statusCode()).as(response.body()).isIn(400, 422);
        assertProblem(response, response.statusCode(), response.statusCode() == 400 ? "malformed-request" : "invalid-request");
    }

    @Test
    void refusesOpsTextsWithControlCharacters() throws Exception {
        assertProblemNaming(send(request("/ops/v1/reconstitution-jobs").header("X-Support-User", "alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                         "entityIds": ["a\\u0000b"], "reason": "replay"}"""))), 422, "invalid-request", "entityIds[0]");
        assertProblemNaming(send(request("/ops/v1/reconstitution-jobs").header("X-Support-User", "alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                         "reason": "replay\\u0000"}"""))), 422, "invalid-request", "reason");
        assertProblem(get("/ops/v1/dead-letters?entityId=a%00b"), 422, "invalid-request");
        assertProblem(send(request("/ops/v1/dead-letters/" + UUID.randomUUID() + "/eviction")
                .header("X-Support-User", "alice").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"gone\\u0000\"}"))), 422, "invalid-request");
        assertProblem(send(request("/ops/v1/reconstitution-jobs").DELETE()), 405, "method-not-allowed");
    }

    private HttpResponse<String> post(String path, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .setHeader("Authorization", bearer(tokenFor(path, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with the token of whom it is about (the account's owner, a support lead for {@code /ops}). */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .setHeader("Authorization", bearer(tokenFor(path, "")));
    }
}
