package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.banksuite.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The entity story page as a signed-in person uses it: the events read from the real broker's topics (test-support's,
 * three partitions each), the adapter's operation log, accounts-service's dead letters and reconciliation-service's
 * mismatches played by WireMock (transfers-service does not answer at all).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoryPageTest {

    private static final WireMockServer ACCOUNTS = IssuerStub.started();
    private static final WireMockServer ADAPTER = IssuerStub.started();
    private static final WireMockServer RECONCILIATION = IssuerStub.started();
    private static final WireMockServer ISSUER = IssuerStub.discoverable();
    private static final TopicEvents TOPICS = topics();
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        IssuerStub.register(properties, ISSUER);
        properties.add("console.services.accounts-service.base-url", ACCOUNTS::baseUrl);
        properties.add("console.services.transfers-service.base-url", () -> "http://127.0.0.1:9");
        properties.add("console.services.partner-bank-adapter.base-url", ADAPTER::baseUrl);
        properties.add("console.story.reconciliation-url", RECONCILIATION::baseUrl);
        properties.add("spring.kafka.bootstrap-servers",
                () -> org.banksuite.testsupport.TestInfrastructure.get().kafkaBootstrapServers());
        properties.add("console.story.topic-prefix", TOPICS::prefix);
    }

    @BeforeEach
    void resetStubs() {
        ACCOUNTS.resetAll();
        ADAPTER.resetAll();
        RECONCILIATION.resetAll();
        ACCOUNTS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/ops/v1/dead-letters"))
                .willReturn(okJson("{\"items\": []}")));
        ADAPTER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/core-operations"))
                .willReturn(okJson("{\"items\": []}")));
        RECONCILIATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/mismatches"))
                .willReturn(okJson("{\"items\": []}")));
    }

    @AfterAll
    static void stop() {
        TOPICS.close();
        ACCOUNTS.stop();
        ADAPTER.stop();
        RECONCILIATION.stop();
        ISSUER.stop();
    }

    @Test
    void mergesAnAccountsEventsFromItsTopicsInTimeOrderWithSequenceAndTraceId() throws Exception {
        String account = newId();
        String other = newId();
        String mismatch = newId();
        // published out of time order, on three topics; another account's event beside them
        TOPICS.publish(Topics.PARTNER_BANK_EVENTS, "/partner-bank-adapter", newId(), T0.plusSeconds(2), 0, TRACE,
                TopicEvents.coreAccountOpened(account, T0.plusSeconds(2)));
        TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", newId(), T0, 0, TRACE,
                TopicEvents.accountOpened(account, T0));
        TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", newId(), T0.plusSeconds(1), 0, null,
                TopicEvents.accountOpened(other, T0.plusSeconds(1)));
        TOPICS.publish(Topics.RECONCILIATION_EVENTS, "/reconciliation-service", newId(), T0.plusSeconds(3), 0, null,
                TopicEvents.mismatch(mismatch, account, "balance", T0.plusSeconds(3)));

        String page = page(get("/story").param("id", account.toUpperCase()).with(person()));

        assertThat(rowsOf(page, "story-event")).containsExactly(
                "accounts.AccountOpened.v1", "partner-bank.CoreAccountOpened.v1",
                "reconciliation.ReconciliationMismatchDetected.v1");
        assertThat(page).contains(TRACE, "2026-11-30T09:00:00Z", "/accounts-service", "/partner-bank-adapter",
                "<td class=\"sequence\">0</td>").doesNotContain(other);
        ADAPTER.verify(getRequestedFor(urlPathEqualTo("/v1/core-operations")).withQueryParam("accountId", equalTo(account))
                .withHeader("Authorization", equalTo("Bearer access-token")));
        RECONCILIATION.verify(getRequestedFor(urlPathEqualTo("/v1/mismatches")).withQueryParam("accountId", equalTo(account)));
        ACCOUNTS.verify(getRequestedFor(urlPathEqualTo("/ops/v1/dead-letters")).withQueryParam("entityId", equalTo(account)));
    }

    @Test
    void showsAnEventDeliveredTwiceOnce() throws Exception {
        String account = newId();
        String eventId = newId();
        for (int delivery = 0; delivery < 2; delivery++) {
            TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", eventId, T0, 0, TRACE,
                    TopicEvents.accountOpened(account, T0));
        }

        String page = page(get("/story").param("id", account).with(person()));

        assertThat(rowsOf(page, "story-event")).containsExactly("accounts.AccountOpened.v1");
    }

    @Test
    void showsATransfersEventsWithWhatItDidOnItsAccountsAndItsCoreOperations() throws Exception {
        String transfer = newId();
        String debtor = newId();
        String creditor = newId();
        TOPICS.publish(Topics.TRANSFERS_EVENTS, "/transfers-service", newId(), T0, 0, TRACE,
                TopicEvents.transferRequested(transfer, debtor, creditor, T0));
        TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", newId(), T0.plusSeconds(1), 4, TRACE,
                TopicEvents.fundsReserved(debtor, transfer, T0.plusSeconds(1)));
        TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", newId(), T0.plusSeconds(1), 5, null,
                TopicEvents.fundsReserved(debtor, newId(), T0.plusSeconds(1)));
        TOPICS.publish(Topics.PARTNER_BANK_EVENTS, "/partner-bank-adapter", newId(), T0.plusSeconds(2), 1, TRACE,
                TopicEvents.corePaymentAccepted(transfer, T0.plusSeconds(2)));
        ADAPTER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/core-operations"))
                .withQueryParam("transferId", equalTo(transfer)).willReturn(okJson("""
                        {"items": [{"operationId": "op-1", "kind": "SUBMIT_PAYMENT", "transferId": "%s",
                          "status": "COMPLETED", "outcome": "ACCEPTED core-ref-1",
                          "startedAt": "2026-11-30T09:00:01Z", "attempts": 1, "futureField": true}]}"""
                        .formatted(transfer))));
        RECONCILIATION.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/mismatches"))
                .withQueryParam("accountId", equalTo(debtor)).willReturn(okJson("""
                        {"items": [
                          {"mismatchId": "%s", "kind": "STUCK_TRANSFER", "accountId": "%s", "reference": "%s",
                           "detectedAt": "2026-11-30T10:00:00Z"},
                          {"mismatchId": "%s", "kind": "BALANCE_MISMATCH", "accountId": "%s", "reference": "balance",
                           "detectedAt": "2026-11-30T10:00:00Z"}]}""".formatted(newId(), debtor, transfer, newId(), debtor))));

        ACCOUNTS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/ops/v1/dead-letters"))
                .withQueryParam("entityId", equalTo(debtor)).willReturn(okJson("""
                        {"items": [{"processingGroup": "inbound", "sequenceId": "%s", "letters": 1,
                          "eventType": "partner-bank.CorePostingEntryBooked.v1",
                          "cause": {"type": "java.lang.IllegalStateException", "message": "not yet"},
                          "attempts": 2, "firstFailure": "2026-11-30T09:00:00Z"}]}""".formatted(debtor))));

        String page = page(get("/story").param("id", transfer).with(person()));

        assertThat(rowsOf(page, "story-event")).containsExactly("transfers.TransferRequested.v1",
                "accounts.FundsReserved.v1", "partner-bank.CorePaymentAccepted.v1");
        assertThat(page).contains("ACCEPTED core-ref-1", "SUBMIT_PAYMENT", "STUCK_TRANSFER", "/story?id=" + debtor,
                        "/story?id=" + creditor)
                .doesNotContain("BALANCE_MISMATCH");
        // a transfer held up by its account's event waits in the account's sequence
        assertThat(page).contains("href=\"/dead-letters/accounts-service/inbound/" + debtor + "\"");
        ACCOUNTS.verify(getRequestedFor(urlPathEqualTo("/ops/v1/dead-letters"))
                .withQueryParam("entityId", equalTo(transfer)));
    }

    @Test
    void answersAnIdThatIsNotAUuidOnTheFormAndCallsNothing() throws Exception {
        String page = page(get("/story").param("id", "12345; drop").with(person()));

        assertThat(page).contains("is not one. Nothing was looked up.").doesNotContain("story-events");
        ADAPTER.verify(0, getRequestedFor(urlPathEqualTo("/v1/core-operations")));
        ACCOUNTS.verify(0, getRequestedFor(urlPathEqualTo("/ops/v1/dead-letters")));
        RECONCILIATION.verify(0, getRequestedFor(urlPathEqualTo("/v1/mismatches")));
    }

    @Test
    void showsASourceThatDoesNotAnswerAsUnavailableAndTheRestStill() throws Exception {
        String account = newId();
        TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", newId(), T0, 0, TRACE,
                TopicEvents.accountOpened(account, T0));
        ADAPTER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/core-operations"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ACCOUNTS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/ops/v1/dead-letters"))
                .willReturn(okJson("""
                        {"items": [{"processingGroup": "inbound", "sequenceId": "%s", "letters": 1,
                          "eventType": "partner-bank.CoreAccountOpened.v1",
                          "cause": {"type": "java.lang.IllegalStateException", "message": "not yet"},
                          "attempts": 2, "firstFailure": "2026-11-30T09:00:00Z"}]}""".formatted(account))));

        String page = page(get("/story").param("id", account).with(person()));

        assertThat(page).contains("Core operations: partner-bank-adapter is unavailable",
                "Dead letters: transfers-service is unavailable");
        assertThat(rowsOf(page, "story-event")).containsExactly("accounts.AccountOpened.v1");
        assertThat(page).contains("href=\"/dead-letters/accounts-service/inbound/" + account + "\"");
    }

    @Test
    void theHeaderLinksToTheStoryPage() throws Exception {
        assertThat(page(get("/audit").with(person()))).contains("id=\"nav-story\" href=\"/story\"");
    }

    /** The {@code data-type} of each row of {@code cssClass}, in page order. */
    private static List<String> rowsOf(String page, String cssClass) {
        return java.util.regex.Pattern.compile("class=\"" + cssClass + "\"[^>]*data-type=\"([^\"]+)\"")
                .matcher(page).results().map(match -> match.group(1)).toList();
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private OidcLoginRequestPostProcessor person() {
        return oidcLogin()
                .idToken(token -> token.subject("support.agent").claim("roles", List.of("support")))
                .authorities(new SimpleGrantedAuthority("support"))
                .clientRegistration(registrations.findByRegistrationId("suite"));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static TopicEvents topics() {
        try {
            return TopicEvents.created();
        } catch (Exception failed) {
            throw new IllegalStateException("the story's topics could not be created", failed);
        }
    }
}
