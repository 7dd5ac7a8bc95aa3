package org.banksuite.proxy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;
import static org.banksuite.testsupport.Problems.assertProblemNaming;

/**
 * The proxy refuses what the core would refuse before spending quota or calling the core (texts with control
 * characters, unpaired surrogates or over 140 code points; identifiers with spaces or control characters), as well as
 * fields it does not have and keys given twice; Spring's own refusals are typed problems.
 */
class BoundaryIT extends ProxyIT {

    private static final String EMOJI = "\\ud83d\\ude00";

    @Test
    void refusesPaymentTextsTheCoreWouldRefuseWithoutCallingIt() {
        for (String text : new String[] {"x\\u0000y", "x\\u0007y", "x\\u009Fy", "x\\udfffy", EMOJI.repeat(141)}) {
            HttpResponse<String> response = proxy.post("/core/v1/payments", "t-" + UUID.randomUUID(),
                    payment().replace("\"rent\"", "\"" + text + "\"")).response();
            assertProblemNaming(response, 422, "invalid-request", "text");
        }
        assertThat(core.getAllServeEvents()).isEmpty();
        assertThat(jdbc.sql("select count(*) from quota_usage").query(Long.class).single()).isZero();
    }

    @Test
    void refusesAccountIdentifiersTheCoreWouldRefuseWithoutCallingIt() {
        assertProblemNaming(proxy.post("/core/v1/accounts", null, """
                {"externalId": "a b", "recordType": "PERSONAL", "currency": "DKK"}""").response(), 422,
                "invalid-request", "externalId");
        assertProblemNaming(proxy.post("/core/v1/accounts", null, """
                {"externalId": "%s", "recordType": "PERSONAL\\u0000", "currency": "DKK"}""".formatted(UUID.randomUUID()))
                .response(), 422, "invalid-request", "recordType");
        assertThat(core.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesUnknownFieldsAndDuplicateKeysWithoutCallingTheCore() {
        assertProblemNaming(proxy.post("/core/v1/payments", "t-" + UUID.randomUUID(),
                payment().replace("\"text\"", "\"txet\": \"x\", \"text\"")).response(), 400, "malformed-request", "txet");
        assertProblem(proxy.post("/core/v1/payments", "t-" + UUID.randomUUID(),
                payment().replace("\"text\"", "\"amount\": {\"amount\": \"1.00\", \"currency\": \"DKK\"}, \"text\""))
                .response(), 400, "malformed-request");
        assertThat(core.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersMethodsMediaTypesAndPathsItDoesNotServeWithProblems() throws Exception {
        assertProblem(proxy.delete("/core/v1/payments/some-key").response(), 405, "method-not-allowed");
        assertProblem(proxy.sendRaw(request("/core/v1/accounts").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("open"))), 415, "unsupported-media-type");
        assertProblem(admin.sendRaw(request("/admin/v1/quota").header("Accept", "application/xml").GET()), 406,
                "not-acceptable");
        assertProblem(proxy.get("/core/v1/nothing-here").response(), 404, "not-found");
        assertThat(core.getAllServeEvents()).isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
