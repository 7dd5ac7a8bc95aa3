package org.banksuite.adapter.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.testsupport.Problems.assertProblem;

/**
 * The adapter's door: its operation log and the entry sync are for support staff only; a customer's, an operator's or
 * a service's token, or none, is refused with problem+json and changes nothing.
 * <p>
 * Run as a {@code @Nested} class of {@link SupportApiIT}, on its adapter.
 */
abstract class DoorChecks {

    private static final List<String> ADAPTER = List.of("partner-bank-adapter");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate database;

    private final TestIssuer issuer = TestIssuer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesTheOperationLogWithoutATokenOrWithAnotherServicesAudienceWith401() throws Exception {
        assertProblem(get("/v1/core-operations", null), 401, "unauthorized");
        assertProblem(get("/v1/core-operations", issuer.customer("alice")), 401, "unauthorized");
        assertProblem(get("/v1/core-operations", issuer.admin()), 401, "unauthorized");
        assertProblem(get("/v1/core-operations/some-operation", issuer.service("partner-bank-adapter")), 401,
                "unauthorized");
    }

    @Test
    void refusesTheOperationLogAndTheEntrySyncToAnyoneButSupportWith403() throws Exception {
        String customer = issuer.token("alice", List.of("customer"), ADAPTER);
        String service = issuer.token("partner-bank-proxy", List.of("service"), ADAPTER);
        String admin = issuer.token("operator", List.of("admin"), ADAPTER);
        long operations = database.queryForObject("select count(*) from core_operation", Long.class);
        for (String token : List.of(customer, service, admin)) {
            assertProblem(get("/v1/core-operations", token), 403, "forbidden");
            assertProblem(syncEntries(UUID.randomUUID().toString(), token), 403, "forbidden");
        }
        assertThat(database.queryForObject("select count(*) from core_operation", Long.class)).isEqualTo(operations);
    }

    @Test
    void letsSupportStaffReadTheOperationLog() throws Exception {
        assertThat(get("/v1/core-operations", issuer.support()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/core-operations?limit=200", issuer.supportLead()).statusCode()).isEqualTo(200);
        assertProblem(get("/v1/core-operations?limit=201", issuer.support()), 422, "invalid-request");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    private HttpResponse<String> syncEntries(String accountId, String token) throws Exception {
        return send(request("/v1/core-accounts/" + accountId + "/posting-entry-sync", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
