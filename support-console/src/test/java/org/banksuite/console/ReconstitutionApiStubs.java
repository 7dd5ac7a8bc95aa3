package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * accounts-service's {@code /ops/v1} reconstitution and audit APIs as WireMock plays them for the console's tests, in
 * the shapes ops-v1.yaml gives (the real APIs are driven end to end by end-to-end-tests' SupportConsoleIT).
 */
final class ReconstitutionApiStubs {

    static final String DRY_RUN = "7a1c2b9e-0000-4000-8000-00000000000d";
    static final String RUN = "7a1c2b9e-0000-4000-8000-00000000000e";
    static final String ACCOUNT = "3b6f0f2e-1111-4000-8000-000000000001";
    static final String OTHER_ACCOUNT = "3b6f0f2e-1111-4000-8000-000000000002";

    private ReconstitutionApiStubs() {
    }

    static void producers(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/reconstitution-producers")).willReturn(okJson("""
                {"items": [{"producer": {"domain": "accounts", "entityType": "account"}, "topic": "accounts.events",
                            "eventNames": ["AccountActivated", "AccountOpened", "FundsReserved"],
                            "receivers": ["partner-bank-adapter", "transfers-service"]}]}""")));
    }

    static String job(String jobId, boolean dryRun, String status, long matched, long published, String requestedBy) {
        return """
                {"jobId": "%s", "status": "%s", "receiver": "transfers-service",
                 "topic": "reconstitution.transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "entityIds": ["%s"], "eventNames": [], "dryRun": %s, "matched": %d, "published": %d,
                 "scanPosition": 1, "scanEnd": 2, "requestedBy": "%s", "reason": "customer asks where the money is",
                 "createdAt": "2026-12-01T00:10:00Z", "startedAt": "2026-12-01T00:10:01Z",
                 %s "cancelRequested": false,
                 "sample": [{"eventId": "evt-opened", "eventType": "accounts.AccountOpened.v1", "subject": "%s",
                             "sequence": 1, "time": "2026-11-30T09:00:00Z"}]}""".formatted(jobId, status, ACCOUNT,
                dryRun, matched, published, requestedBy,
                status.equals("RUNNING") ? "" : "\"finishedAt\": \"2026-12-01T00:10:03Z\",", ACCOUNT);
    }

    static void jobs(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/reconstitution-jobs")).willReturn(okJson(
                "{\"items\": [" + job(DRY_RUN, true, "COMPLETED", 4, 0, "support.agent") + "]}")));
    }

    static void dryRunJob(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/reconstitution-jobs/" + DRY_RUN))
                .willReturn(okJson(job(DRY_RUN, true, "COMPLETED", 4, 0, "support.agent"))));
    }

    static void runningJob(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/reconstitution-jobs/" + RUN))
                .willReturn(okJson(job(RUN, false, "RUNNING", 4, 2, "support.lead"))));
    }

    static MappingBuilder create() {
        return post(urlPathEqualTo("/ops/v1/reconstitution-jobs"));
    }

    static void accepts(WireMockServer service, String jobId, boolean dryRun) {
        service.stubFor(create().willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody(job(jobId, dryRun, "PENDING", 0, 0, "support.lead"))));
    }

    static void refusesForRoles(WireMockServer service) {
        service.stubFor(create().willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"urn:banksuite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403}")));
    }

    static MappingBuilder cancellation(String jobId) {
        return post(urlPathEqualTo("/ops/v1/reconstitution-jobs/" + jobId + "/cancellation"));
    }

    static void cancels(WireMockServer service, String jobId) {
        service.stubFor(cancellation(jobId).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody(job(jobId, false, "RUNNING", 4, 2, "support.lead").replace("\"cancelRequested\": false",
                        "\"cancelRequested\": true"))));
    }

    static void audit(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/audit")).willReturn(okJson("""
                {"items": [
                  {"id": 3, "at": "2026-12-01T00:12:00Z", "supportUser": "support.lead",
                   "action": "RECONSTITUTION_JOB_CREATED", "jobId": "%s", "reason": "lost on the way to transfers",
                   "outcome": "accounts/account to transfers-service for 1 entities"},
                  {"id": 2, "at": "2026-12-01T00:05:00Z", "supportUser": "support.agent", "action": "RETRY",
                   "processingGroup": "inbound", "sequenceId": "%s", "outcome": "PROCESSED"},
                  {"id": 1, "at": "2026-11-30T08:00:00Z", "supportUser": "support.lead", "action": "EVICTION",
                   "processingGroup": "inbound", "sequenceId": "%s", "reason": "duplicate of a booked payment",
                   "outcome": "EVICTED 1 letters"}
                ]}""".formatted(RUN, ACCOUNT, OTHER_ACCOUNT))));
    }
}
