package org.banksuite.simulator;

import java.util.List;
import java.util.UUID;
import org.banksuite.testsupport.JsonHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's door, as a partner bank's: only the proxy's identity may call the core API, only an admin the admin
 * API; every refusal is problem+json, spends no quota and changes nothing.
 */
class DoorIT extends SimulatorIT {

    private static final List<String> SERVICE = List.of("service");
    private static final List<String> SIMULATOR = List.of("partner-bank-simulator");

    @Test
    void refusesTheCoreApiWithoutATokenOrWithATokenForAnotherServiceWith401() {
        String account = openAccount();
        QuotaSeen used = quotaUsed();

        expectProblem(anonymous.get(balancePath(account)), 401, "unauthorized");
        // the adapter's own token is for the proxy, not for the core
        expectProblem(anonymous.as(issuer.service("partner-bank-adapter")).get(balancePath(account)), 401,
                "unauthorized");
        expectProblem(anonymous.as(issuer.support()).post("/core/v1/accounts", null, newAccount()), 401, "unauthorized");

        assertNothingCountedSince(used);
    }

    @Test
    void refusesTheCoreApiToAnyIdentityButTheProxysWith403AndBooksNothing() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        QuotaSeen used = quotaUsed();
        String payment = payment(debtor, "1234", creditor, "10.00");

        JsonHttp adapterForTheCore = anonymous.as(issuer.token("partner-bank-adapter", SERVICE, SIMULATOR));
        expectProblem(adapterForTheCore.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment), 403, "forbidden");
        expectProblem(adapterForTheCore.post("/core/v1/accounts", null, newAccount()), 403, "forbidden");
        expectProblem(admin.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment), 403, "forbidden");
        JsonHttp proxyWithoutTheRole = anonymous.as(issuer.token("partner-bank-proxy", List.of("admin"), SIMULATOR));
        expectProblem(proxyWithoutTheRole.get(balancePath(debtor)), 403, "forbidden");

        assertThat(balance(debtor)).isEqualTo("100.00");
        assertThat(balance(creditor)).isEqualTo("0.00");
        assertNothingCountedSince(used);
    }

    @Test
    void refusesTheAdminApiToAnyoneButAnAdmin() {
        String account = openAccount();
        String incoming = """
                {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "5.00", "currency": "DKK"},
                 "text": "gift"}""".formatted(account);

        expectProblem(anonymous.post("/admin/v1/incoming-payments", null, incoming), 401, "unauthorized");
        expectProblem(http.post("/admin/v1/incoming-payments", null, incoming), 403, "forbidden");
        expectProblem(http.put("/admin/v1/quota", "{\"limit\": 0, \"window\": \"MINUTE\"}"), 403, "forbidden");
        JsonHttp support = anonymous.as(issuer.token("support-agent", List.of("support", "support-lead"), SIMULATOR));
        expectProblem(support.put("/admin/v1/faults", "{\"errorRate\": 1.0}"), 403, "forbidden");
        expectProblem(support.get("/admin/v1/accounts/1234/" + account), 403, "forbidden");

        assertThat(balance(account)).isEqualTo("0.00");
        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("errorRate").asDouble()).isZero();
        assertThat(admin.get("/admin/v1/quota").expect(200).json().get("limit").asLong()).isPositive();
    }

    @Test
    void refusesABodyOverTheLimitWith413ProblemBeforeCountingIt() {
        QuotaSeen used = quotaUsed();
        String huge = "{\"externalId\": \"" + "x".repeat(70_000) + "\", \"recordType\": \"PERSONAL\", \"currency\": \"DKK\"}";

        expectProblem(http.post("/core/v1/accounts", null, huge), 413, "payload-too-large");

        assertNothingCountedSince(used);
    }

    @Test
    void leavesTheHealthProbesOpenAndMetricsBehindAToken() {
        anonymous.get("/actuator/health/liveness").expect(200);
        expectProblem(anonymous.get("/actuator/prometheus"), 401, "unauthorized");
        http.get("/actuator/prometheus").expect(200);
    }

    /** What the quota has counted in its window (set to an hour so that no window ends during a test). */
    private QuotaSeen quotaUsed() {
        JsonNode state = admin.get("/admin/v1/quota").expect(200).json();
        if (!"HOUR".equals(state.get("window").asString())) {
            admin.put("/admin/v1/quota", "{\"limit\": 100000, \"window\": \"HOUR\"}").expect(200);
            state = admin.get("/admin/v1/quota").expect(200).json();
        }
        return new QuotaSeen(state.get("used").asLong(), state.get("windowEndsAt").asString());
    }

    private record QuotaSeen(long used, String windowEndsAt) {
    }

    /** Nothing counted since {@code before} (or a new window began, and nothing was counted in it). */
    private void assertNothingCountedSince(QuotaSeen before) {
        QuotaSeen now = quotaUsed();
        if (now.windowEndsAt().equals(before.windowEndsAt())) {
            assertThat(now.used()).as("requests counted by the core's quota").isEqualTo(before.used());
        } else {
            assertThat(now.used()).as("requests counted by the core's quota").isZero();
        }
    }

    private static String balancePath(String account) {
        return "/core/v1/accounts/1234/" + account + "/balance";
    }

    private static String newAccount() {
        return """
                {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(UUID.randomUUID());
    }

    private static void expectProblem(JsonHttp.Answer answer, int status, String type) {
        answer.expect(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:" + type);
    }
}
