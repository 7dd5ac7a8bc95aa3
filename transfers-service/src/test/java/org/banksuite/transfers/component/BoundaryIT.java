package org.banksuite.transfers.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.banksuite.testsupport.OpenApiTraffic;
import org.banksuite.testsupport.OpenApiTrafficConfiguration;
import org.banksuite.testsupport.RealInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * What reaches the transfers API is what it seems or is refused with a problem, and nothing is stored: payment texts
 * the core would refuse (counted in code points, as the core counts), fields the API does not have (a typo in
 * {@code executionDate} would otherwise pay today), keys given twice, methods and media types it does not serve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import(OpenApiTrafficConfiguration.class)
@TestPropertySource(properties = "suite.test.openapi-specs=openapi/transfers-v1.yaml,openapi/ops-v1.yaml")
class BoundaryIT {

    private static final String CUSTOMER = "boundary-customer";
    private static final String EMOJI = "\\ud83d\\ude00";
    private static final String TRANSFER = """
            {"debtorAccountId": "%s", "creditor": {"registrationNumber": "9999", "accountNumber": "1234567"},
             "amount": {"amount": "10.00", "currency": "DKK"}, "debtorText": "%s", "creditorText": "%s"%s}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate database;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String debtor = UUID.randomUUID().toString();
    private final String token = TestIssuer.get().customer(CUSTOMER);

    @BeforeEach
    void anActiveDkkDebtor() {
        database.update("""
                insert into account_replica (account_id, customer_id, currency, status, version)
                values (?, ?, 'DKK', 'ACTIVE', 1)""", debtor, CUSTOMER);
    }

    /** Every exchange of the test matched the OpenAPI specs (statuses declared, bodies of the declared shape). */
    @AfterEach
    void trafficMatchesTheSpecs() {
        OpenApiTraffic.assertNoMismatch();
    }

    @Test
    void refusesPaymentTextsTheCoreWouldRefuseAndStoresNothing() throws Exception {
        long before = storedTransferEvents();
        for (String text : new String[] {"x\\u0000y", "x\\u0007y", "line\\nbreak", "x\\u0085y", "x\\ud800y",
                "\\udc00", "x".repeat(141), EMOJI.repeat(141)}) {
            assertProblemNaming(create(TRANSFER.formatted(debtor, "rent", text, "")), 422, "invalid-request",
                    "creditorText");
            assertProblemNaming(create(TRANSFER.formatted(debtor, text, "rent", "")), 422, "invalid-request",
                    "debtorText");
        }
        assertThat(storedTransferEvents()).isEqualTo(before);
    }

    @Test
    void acceptsA140CharacterTextOfEmojiAsTheCoreCountsIt() throws Exception {
        HttpResponse<String> accepted = create(TRANSFER.formatted(debtor, EMOJI.repeat(140), EMOJI.repeat(140), ""));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void refusesAnUnknownFieldInsteadOfPayingToday() throws Exception {
        long before = storedTransferEvents();
        assertProblemNaming(create(TRANSFER.formatted(debtor, "rent", "rent", ", \"executionDtae\": \"2030-01-01\"")),
                400, "malformed-request", "executionDtae");
        assertProblemNaming(create(TRANSFER.formatted(debtor, "rent", "rent", "")
                .replace("\"1234567\"}", "\"1234567\", \"acountId\": \"x\"}")), 400, "malformed-request",
                "creditor.acountId");
        assertThat(storedTransferEvents()).isEqualTo(before);
    }

    @Test
    void refusesAKeyGivenTwice() throws Exception {
        long before = storedTransferEvents();
        assertProblem(create(TRANSFER.formatted(debtor, "rent", "rent",
                ", \"amount\": {\"amount\": \"99999.00\", \"currency\": \"DKK\"}")), 400, "malformed-request");
        assertProblem(create("""
                {"debtorAccountId": "%s", "creditor": {"registrationNumber": "9999", "registrationNumber": "9998",
                 "accountNumber": "1234567"}, "amount": {"amount": "10.00", "currency": "DKK"},
                 "debtorText": "rent", "creditorText": "rent"}""".formatted(debtor)), 400, "malformed-request");
        assertThat(storedTransferEvents()).isEqualTo(before);
    }

    @Test
    void refusesNullsWrongTypesAndHugeNumbersWithoutA500() throws Exception {
        for (String body : new String[] {"null", "[]", "{\"debtorAccountId\": null}",
                TRANSFER.formatted(debtor, "rent", "rent", "").replace("\"10.00\"", "1e400"),
                TRANSFER.formatted(debtor, "rent", "rent", "").replace("\"10.00\"", "[null]"),
                TRANSFER.formatted(debtor, "rent", "rent", "").replace("\"rent\"", "{\"a\": 1}"),
                TRANSFER.formatted(debtor, "rent", "rent", "").replace("\"9999\"", "99999999999999999999999999")}) {
            HttpResponse<String> response = create(body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isIn(400, 422);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void answersMethodsMediaTypesAndPathsItDoesNotServeWithProblems() throws Exception {
        assertProblem(send(request("/v1/transfers/" + UUID.randomUUID()).DELETE()), 405, "method-not-allowed");
        assertProblem(send(request("/v1/transfers").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("pay"))),
                415, "unsupported-media-type");
        assertProblem(send(request("/v1/transfers/" + UUID.randomUUID()).header("Accept", "application/xml").GET()),
                406, "not-acceptable");
        assertProblem(send(request("/v1/transfer").GET()), 404, "not-found");
    }

    private long storedTransferEvents() {
        return database.queryForObject("select count(*) from domainevententry where type = 'Transfer'", Long.class);
    }

    private HttpResponse<String> create(String body) throws Exception {
        return send(request("/v1/transfers").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
