package org.banksuite.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * As the core, the simulator refuses with a 4xx what the core refuses (texts with control characters or unpaired
 * surrogates, texts over 140 code points, fields it does not have, keys given twice) and books nothing; it never
 * answers such input with a 500.
 */
class BoundaryIT extends SimulatorIT {

    private static final String EMOJI = "\\ud83d\\ude00";

    @Test
    void refusesPaymentTextsWithControlCharactersUnpairedSurrogatesOrOver140CodePointsAndBooksNothing() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        for (String text : new String[] {"x\\u0000y", "x\\u0007y", "x\\u0085y", "x\\ud800y", EMOJI.repeat(141)}) {
            String body = payment(debtor, "1234", creditor, "10.00").replace("\"rent\"", "\"" + text + "\"");
            assertProblemNaming(http.post("/core/v1/payments", "t-" + UUID.randomUUID(), body).response(), 422,
                    "invalid-request", "text");
        }
        assertThat(balance(debtor)).isEqualTo("100.00");
        assertThat(balance(creditor)).isEqualTo("0.00");
    }

    @Test
    void countsA140CharacterTextInCodePoints() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        String body = payment(debtor, "1234", creditor, "10.00").replace("\"rent\"", "\"" + EMOJI.repeat(140) + "\"");
        http.post("/core/v1/payments", "t-" + UUID.randomUUID(), body).expect(201);
        assertThat(balance(creditor)).isEqualTo("10.00");
    }

    @Test
    void refusesIncomingPaymentTextsAndAccountIdentifiersItWouldNotStore() {
        String account = openAccount();
        assertProblemNaming(admin.post("/admin/v1/incoming-payments", null, """
                {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "5.00", "currency": "DKK"},
                 "text": "a\\u0000b"}""".formatted(account)).response(), 422, "invalid-request", "text");
        assertThat(balance(account)).isEqualTo("0.00");
        assertProblemNaming(http.post("/core/v1/accounts", null, """
                {"externalId": "x\\u0000y", "recordType": "PERSONAL", "currency": "DKK"}""").response(), 422,
                "invalid-request", "externalId");
        assertProblemNaming(http.post("/core/v1/accounts", null, """
                {"externalId": "%s", "recordType": "PER\\u0000SONAL", "currency": "DKK"}""".formatted(UUID.randomUUID()))
                .response(), 422, "invalid-request", "recordType");
    }

    @Test
    void refusesUnknownFieldsAndDuplicateKeys() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        String payment = payment(debtor, "1234", creditor, "10.00");
        assertProblemNaming(http.post("/core/v1/payments", "t-" + UUID.randomUUID(),
                payment.replace("\"text\"", "\"txet\": \"x\", \"text\"")).response(), 400, "malformed-request", "txet");
        assertProblem(http.post("/core/v1/payments", "t-" + UUID.randomUUID(),
                payment.replace("\"text\"", "\"amount\": {\"amount\": \"90.00\", \"currency\": \"DKK\"}, \"text\""))
                .response(), 400, "malformed-request");
        assertThat(balance(debtor)).isEqualTo("100.00");
    }

    @Test
    void answersMethodsMediaTypesAndPathsItDoesNotServeWithProblems() throws Exception {
        assertProblem(http.delete("/core/v1/payments/some-key").response(), 405, "method-not-allowed");
        assertProblem(send(request("/core/v1/accounts").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("open"))), 415, "unsupported-media-type");
        assertProblem(admin.sendRaw(request("/admin/v1/quota").header("Accept", "application/xml").GET()), 406, "not-acceptable");
        assertProblem(http.get("/core/v1/nothing-here").response(), 404, "not-found");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.sendRaw(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
