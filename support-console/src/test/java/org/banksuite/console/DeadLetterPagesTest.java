package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dead-letter pages as a signed-in person uses them, over WireMock's stand-ins for two services' ops APIs
 * (accounts answers; transfers does not answer at all), each call carrying the person's own access token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadLetterPagesTest {

    private static final WireMockServer ACCOUNTS = IssuerStub.started();
    /** The issuer as the console discovers it at start; nobody signs in there in these tests. */
    private static final WireMockServer ISSUER = IssuerStub.discoverable();
    private static final String REGISTRATION = "suite";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        IssuerStub.registerOnlyAccountsAnswering(properties, ACCOUNTS);
        IssuerStub.register(properties, ISSUER);
    }

    @BeforeEach
    void resetStubs() {
        ACCOUNTS.resetAll();
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.stop();
        ISSUER.stop();
    }

    @Test
    void listsTheLettersOfEveryServiceWithItsTokenAndShowsOneThatDoesNotAnswerAsUnavailable() throws Exception {
        OpsApiStubs.twoSequences(ACCOUNTS);

        String page = page(get("/dead-letters").with(person("support.agent", "support")));

        assertThat(page).contains(OpsApiStubs.SEQUENCE, OpsApiStubs.OTHER_SEQUENCE, "transfers.TransferBooked.v1",
                "java.lang.IllegalStateException: no such account yet", "inbound", "account-projection");
        assertThat(page).contains("transfers-service is unavailable (it does not answer).",
                "partner-bank-adapter is unavailable (it does not answer).");
        ACCOUNTS.verify(getRequestedFor(urlPathEqualTo("/ops/v1/dead-letters"))
                .withHeader("Authorization", equalTo("Bearer access-token")));
    }

    @Test
    void passesEntityAndEventTypeToTheApiAndFiltersByCauseTextAndAge() throws Exception {
        OpsApiStubs.twoSequences(ACCOUNTS);

        String byCause = page(get("/dead-letters").param("cause", "NO SUCH ACCOUNT")
                .param("entity", OpsApiStubs.SEQUENCE).param("eventType", "transfers.TransferBooked.v1")
                .with(person("support.agent", "support")));
        String byAge = page(get("/dead-letters").param("service", "accounts-service").param("olderThanMinutes", "60")
                .with(person("support.agent", "support")));

        assertThat(byCause).contains(OpsApiStubs.SEQUENCE).doesNotContain(OpsApiStubs.OTHER_SEQUENCE);
        ACCOUNTS.verify(getRequestedFor(urlPathEqualTo("/ops/v1/dead-letters"))
                .withQueryParam("entityId", equalTo(OpsApiStubs.SEQUENCE))
                .withQueryParam("eventType", equalTo("transfers.TransferBooked.v1")));
        // the other one first failed in 2099: not older than an hour
        assertThat(byAge).contains(OpsApiStubs.SEQUENCE).doesNotContain(OpsApiStubs.OTHER_SEQUENCE)
                .doesNotContain("transfers-service is unavailable");
    }

    @Test
    void showsAServicesProblemWithAFilterAsItsMessage() throws Exception {
        ACCOUNTS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/ops/v1/dead-letters"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(422)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "urn:banksuite:problem:invalid-request", "title": "Invalid request",
                                 "status": 422, "detail": "entityId must not contain spaces"}""")));

        String page = page(get("/dead-letters").param("service", "accounts-service").param("entity", "a b")
                .with(person("support.agent", "support")));

        assertThat(page).contains("accounts-service answered 422: Invalid request — entityId must not contain spaces");
    }

    @Test
    void showsALettersCauseHeadersAndPayloadAsTheApiGivesThem() throws Exception {
        OpsApiStubs.detail(ACCOUNTS);

        String page = page(get("/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE)
                .with(person("support.agent", "support")));

        assertThat(page).contains("no such account yet", "kafka_topic", "transfers.events", "&quot;text&quot; : &quot;***&quot;",
                "evt-1");
    }

    @Test
    void retriesOneAndShowsTheServicesAnswerAtOnce() throws Exception {
        OpsApiStubs.retryProcessed(ACCOUNTS);

        mvc.perform(post("/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE + "/retry")
                        .with(person("support.agent", "support")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/dead-letters"))
                .andExpect(flash().attribute("outcome", "Retried " + OpsApiStubs.SEQUENCE
                        + " (inbound) on accounts-service: PROCESSED, 0 letter(s) remaining."));
        ACCOUNTS.verify(postRequestedFor(urlPathEqualTo("/ops/v1/dead-letters/" + OpsApiStubs.SEQUENCE + "/retry"))
                .withQueryParam("processingGroup", equalTo("inbound")));
    }

    @Test
    void offersRetryAllAndEvictionToALeadOnly() throws Exception {
        OpsApiStubs.twoSequences(ACCOUNTS);
        OpsApiStubs.detail(ACCOUNTS);
        String detailPath = "/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE;

        assertThat(page(get("/dead-letters").with(person("support.agent", "support")))).doesNotContain("Retry all of");
        assertThat(page(get(detailPath).with(person("support.agent", "support"))))
                .contains("Retry now").doesNotContain("Evict");
        assertThat(page(get("/dead-letters").with(person("support.lead", "support", "support-lead"))))
                .contains("Retry all of accounts-service");
        assertThat(page(get(detailPath).with(person("support.lead", "support", "support-lead"))))
                .contains("Retry now", "Evict");
    }

    @Test
    void showsTheApisForbiddenAsAMessageNotAnError() throws Exception {
        OpsApiStubs.retryAllForbidden(ACCOUNTS);

        mvc.perform(post("/dead-letters/accounts-service/retry-all").with(person("support.agent", "support"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem",
                        "Not allowed: accounts-service refused this for your roles (403 forbidden)."));
    }

    @Test
    void refusesAnEvictionWithoutAReasonBeforeCallingTheService() throws Exception {
        OpsApiStubs.evicted(ACCOUNTS);
        String evict = "/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE + "/eviction";

        mvc.perform(post(evict).param("reason", "   ").with(person("support.lead", "support", "support-lead"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE))
                .andExpect(flash().attribute("problem", "A reason is required to evict; nothing was evicted."));
        ACCOUNTS.verify(0, postRequestedFor(urlPathEqualTo(
                "/ops/v1/dead-letters/" + OpsApiStubs.SEQUENCE + "/eviction")));

        mvc.perform(post(evict).param("reason", "duplicate of a booked payment")
                        .with(person("support.lead", "support", "support-lead")).with(csrf()))
                .andExpect(flash().attribute("outcome", "Evicted " + OpsApiStubs.SEQUENCE
                        + " (inbound) on accounts-service: 2 letter(s) dropped [evt-1, evt-2]."));
        ACCOUNTS.verify(postRequestedFor(urlPathEqualTo("/ops/v1/dead-letters/" + OpsApiStubs.SEQUENCE + "/eviction"))
                .withRequestBody(equalToJson("{\"reason\": \"duplicate of a booked payment\"}")));
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() throws Exception {
        OpsApiStubs.retryProcessed(ACCOUNTS);

        mvc.perform(post("/dead-letters/accounts-service/inbound/" + OpsApiStubs.SEQUENCE + "/retry")
                        .with(person("support.lead", "support", "support-lead")))
                .andExpect(status().isForbidden());
        ACCOUNTS.verify(0, postRequestedFor(urlPathEqualTo(
                "/ops/v1/dead-letters/" + OpsApiStubs.SEQUENCE + "/retry")));
    }

    @Test
    void sendsAnyoneNotSignedInToTheIssuer() throws Exception {
        mvc.perform(get("/dead-letters")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/suite"));
        mvc.perform(get("/oauth2/authorization/suite")).andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .startsWith(ISSUER.baseUrl() + "/oauth2/authorize?")
                        .contains("code_challenge_method=S256", "code_challenge=", "client_id=support-console"));
    }

    @Test
    void sendsAPersonWhoseTokensTheIssuerNoLongerRenewsToSignInAgain() throws Exception {
        ISSUER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth2/token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_grant\"}")));
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("support"));
        OidcUser person = new DefaultOidcUser(roles, OidcIdToken.withTokenValue("id-token").subject("support.expired")
                .issuedAt(Instant.now().minusSeconds(900)).expiresAt(Instant.now().minusSeconds(600)).build());
        OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(person, roles, REGISTRATION);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(REGISTRATION), "support.expired",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired",
                        Instant.now().minusSeconds(900), Instant.now().minusSeconds(600)),
                new OAuth2RefreshToken("refused-refresh-token", Instant.now().minusSeconds(900))), signedIn);

        mvc.perform(get("/dead-letters").with(authentication(signedIn)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        ISSUER.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "refresh_token=refused-refresh-token")));
    }

    @Test
    void refusesAPersonWithoutTheSupportRole() throws Exception {
        mvc.perform(get("/dead-letters").with(person("someone", "customer"))).andExpect(status().isForbidden());
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * A signed-in person with these roles; Spring Security's test support also leaves the person's authorized client
     * (access token {@code access-token}) where the console's token relay finds it.
     */
    private OidcLoginRequestPostProcessor person(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new)
                .toList();
        return oidcLogin()
                .idToken(token -> token.subject(username).claim("roles", List.of(roles)))
                .authorities(authorities.toArray(SimpleGrantedAuthority[]::new))
                .clientRegistration(registrations.findByRegistrationId(REGISTRATION));
    }
}
