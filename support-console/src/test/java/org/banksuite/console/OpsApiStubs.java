package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * One service's {@code /ops/v1} dead-letter API as WireMock plays it for the console's tests: answers in the shapes
 * ops-v1.yaml gives (the real APIs are tested end to end, in end-to-end-tests' SupportConsoleIT).
 */
final class OpsApiStubs {

    static final String SEQUENCE = "4f1c2b9e-0000-4000-8000-000000000001";
    static final String OTHER_SEQUENCE = "4f1c2b9e-0000-4000-8000-000000000002";

    private OpsApiStubs() {
    }

    static void twoSequences(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/dead-letters")).willReturn(okJson("""
                {"items": [
                  {"processingGroup": "inbound", "sequenceId": "%s", "letters": 2,
                   "eventType": "transfers.TransferBooked.v1",
                   "cause": {"type": "java.lang.IllegalStateException", "message": "no such account yet"},
                   "attempts": 3, "firstFailure": "2020-01-01T10:00:00Z", "lastFailure": "2020-01-01T10:05:00Z"},
                  {"processingGroup": "account-projection", "sequenceId": "%s", "letters": 1,
                   "eventType": "accounts.AccountOpened.v1",
                   "cause": {"type": "java.lang.IllegalArgumentException", "message": "currency XXX"},
                   "attempts": 1, "firstFailure": "2099-01-01T10:00:00Z", "lastFailure": "2099-01-01T10:00:00Z"}
                ]}""".formatted(SEQUENCE, OTHER_SEQUENCE))));
    }

    static void detail(WireMockServer service) {
        service.stubFor(get(urlPathEqualTo("/ops/v1/dead-letters/" + SEQUENCE)).willReturn(okJson("""
                {"processingGroup": "inbound", "sequenceId": "%s", "letters": [
                  {"eventId": "evt-1", "eventType": "transfers.TransferBooked.v1",
                   "payloadType": "org.banksuite.events.TransferBooked",
                   "payload": {"transferId": "%s", "text": "***"},
                   "metadata": {"ce_type": "transfers.TransferBooked.v1", "kafka_topic": "transfers.events"},
                   "cause": {"type": "java.lang.IllegalStateException", "message": "no such account yet"},
                   "attempts": 3, "enqueuedAt": "2020-01-01T10:00:00Z", "lastTouched": "2020-01-01T10:05:00Z"}
                ]}""".formatted(SEQUENCE, SEQUENCE))));
    }

    static MappingBuilder retryOne() {
        return post(urlPathEqualTo("/ops/v1/dead-letters/" + SEQUENCE + "/retry"));
    }

    static void retryProcessed(WireMockServer service) {
        service.stubFor(retryOne().willReturn(okJson("""
                {"processingGroup": "inbound", "sequenceId": "%s", "outcome": "PROCESSED", "remainingLetters": 0}
                """.formatted(SEQUENCE))));
    }

    static void retryAllForbidden(WireMockServer service) {
        service.stubFor(post(urlPathEqualTo("/ops/v1/dead-letters/retry")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"urn:banksuite:problem:forbidden\", \"title\": \"Forbidden\", \"status\": 403}")));
    }

    static MappingBuilder eviction() {
        return post(urlPathEqualTo("/ops/v1/dead-letters/" + SEQUENCE + "/eviction"));
    }

    static void evicted(WireMockServer service) {
        service.stubFor(eviction().willReturn(okJson("""
                {"processingGroup": "inbound", "sequenceId": "%s", "evictedEventIds": ["evt-1", "evt-2"]}
                """.formatted(SEQUENCE))));
    }
}
