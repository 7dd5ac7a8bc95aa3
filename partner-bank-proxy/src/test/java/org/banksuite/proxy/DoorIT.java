package org.banksuite.proxy;

import java.util.List;
import java.util.UUID;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.JsonHttp.Answer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy's door: only the adapter's service identity may call /core/v1, only an admin may see or change the quota.
 * Every refusal is problem+json, spends nothing from the quota and sends nothing to the core.
 */
class DoorIT extends ProxyIT {

    private static final List<String> PROXY = List.of("partner-bank-proxy");
    private static final String BALANCE = "/core/v1/accounts/1234/1000001/balance";

    @Test
    void refusesACoreCallWithoutAValidTokenWith401AndSpendsNothing() {
        core.stubFor(any(anyUrl()).willReturn(okJson(balance())));

        expectProblem(anonymous.get(BALANCE), 401, "unauthorized");
        expectProblem(anonymous.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment()), 401, "unauthorized");
        // the proxy's own token is for the core (the simulator), not for the proxy
        expectProblem(anonymous.as(issuer.service("partner-bank-proxy")).get(BALANCE), 401, "unauthorized");
        expectProblem(anonymous.as(issuer.expired("partner-bank-adapter", List.of("service"), PROXY)).get(BALANCE),
                401, "unauthorized");

        assertNothingSpentOrSent();
    }

    @Test
    void refusesACoreCallWithAnotherServicesOrAPersonsTokenWith403AndSpendsNothing() {
        core.stubFor(any(anyUrl()).willReturn(okJson(balance())));

        JsonHttp anotherService = anonymous.as(issuer.token("reconciliation-service", List.of("service"), PROXY));
        expectProblem(anotherService.get(BALANCE), 403, "forbidden");
        expectProblem(anotherService.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment()), 403, "forbidden");
        expectProblem(admin.get(BALANCE), 403, "forbidden");
        JsonHttp adapterWithoutTheRole = anonymous.as(issuer.token("partner-bank-adapter", List.of("support"), PROXY));
        expectProblem(adapterWithoutTheRole.get(BALANCE), 403, "forbidden");

        assertNothingSpentOrSent();
    }

    @Test
    void letsOnlyAnAdminSeeOrChangeTheQuota() {
        String zero = "{\"perMinute\": 0}";
        expectProblem(anonymous.put("/admin/v1/quota", zero), 401, "unauthorized");
        expectProblem(proxy.put("/admin/v1/quota", zero), 403, "forbidden");
        expectProblem(proxy.get("/admin/v1/quota"), 403, "forbidden");
        JsonHttp support = anonymous.as(issuer.token("support-lead", List.of("support", "support-lead"), PROXY));
        expectProblem(support.put("/admin/v1/quota", zero), 403, "forbidden");
        JsonHttp customer = anonymous.as(issuer.token("alice", List.of("customer"), PROXY));
        expectProblem(customer.put("/admin/v1/quota", zero), 403, "forbidden");

        assertThat(admin.get("/admin/v1/quota").expect(200).json().get("limits").get("perMinute").asLong())
                .isEqualTo(100000);
    }

    @Test
    void refusesABodyOverTheLimitWith413BeforeSpendingAnything() {
        String huge = payment().replace("\"rent\"", "\"" + "x".repeat(70_000) + "\"");

        expectProblem(proxy.post("/core/v1/payments", "t-" + UUID.randomUUID(), huge), 413, "payload-too-large");

        assertNothingSpentOrSent();
    }

    private void assertNothingSpentOrSent() {
        assertThat(jdbc.sql("select count(*) from quota_usage").query(Long.class).single()).isZero();
        assertThat(core.getAllServeEvents()).isEmpty();
    }

    private static void expectProblem(Answer answer, int status, String type) {
        answer.expect(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:banksuite:problem:" + type);
    }
}
