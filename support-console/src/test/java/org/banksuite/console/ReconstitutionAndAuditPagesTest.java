package org.banksuite.console;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The reconstitution and audit pages as a signed-in person uses them, over WireMock's stand-in for accounts-service's
 * ops API (transfers and the adapter do not answer), each call carrying the person's own access token.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReconstitutionAndAuditPagesTest {

    private static final WireMockServer ACCOUNTS = IssuerStub.started();
    private static final WireMockServer ISSUER = IssuerStub.discoverable();
    private static final String JOB_PAGE = "/reconstitution/jobs/accounts-service/";

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        IssuerStub.registerOnlyAccountsAnswering(properties, ACCOUNTS);
        IssuerStub.register(properties, ISSUER);
    }

    @BeforeEach
    void resetStubs() {
        ACCOUNTS.resetAll();
        ReconstitutionApiStubs.producers(ACCOUNTS);
        ReconstitutionApiStubs.jobs(ACCOUNTS);
    }

    @AfterAll
    static void stop() {
        ACCOUNTS.stop();
        ISSUER.stop();
    }

    @Test
    void offersTheProducersReceiversAndEventNamesTheServicesAnnounceAndListsTheirJobs() throws Exception {
        String page = page(get("/reconstitution").with(person("support.agent", "support")));

        assertThat(page).contains("value=\"accounts-service:accounts/account\"", "accounts/account (accounts-service)",
                "value=\"transfers-service\"", "value=\"partner-bank-adapter\"", "value=\"AccountOpened\"",
                "value=\"FundsReserved\"");
        assertThat(page).contains(ReconstitutionApiStubs.DRY_RUN, "COMPLETED", "dry run", "support.agent",
                "2026-12-01T00:10Z");
        assertThat(page).contains("transfers-service is unavailable (it does not answer).");
        assertThat(page).contains("id=\"nav-reconstitution\"", "id=\"nav-audit\"");
        ACCOUNTS.verify(getRequestedFor(urlPathEqualTo("/ops/v1/reconstitution-producers"))
                .withHeader("Authorization", equalTo("Bearer access-token")));
    }

    @Test
    void sendsADryRunOfWhatTheFormSaysAndOpensItsPage() throws Exception {
        ReconstitutionApiStubs.accepts(ACCOUNTS, ReconstitutionApiStubs.DRY_RUN, true);

        mvc.perform(post("/reconstitution/dry-run").with(person("support.agent", "support")).with(csrf())
                        .param("producer", "accounts-service:accounts/account").param("receiver", "transfers-service")
                        .param("from", "2026-11-30T08:00").param("to", "2026-12-01T08:00")
                        .param("entityIds", ReconstitutionApiStubs.ACCOUNT + "\n " + ReconstitutionApiStubs.OTHER_ACCOUNT
                                + ", " + ReconstitutionApiStubs.ACCOUNT)
                        .param("eventNames", "AccountOpened", "FundsReserved").param("reason", "lost on the way"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN))
                .andExpect(flash().attribute("outcome", "Dry run accepted by accounts-service."));
        ACCOUNTS.verify(postRequestedFor(urlPathEqualTo("/ops/v1/reconstitution-jobs")).withRequestBody(equalToJson("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "from": "2026-11-30T08:00:00Z", "to": "2026-12-01T08:00:00Z",
                 "entityIds": ["%s", "%s"], "eventNames": ["AccountOpened", "FundsReserved"], "dryRun": true,
                 "reason": "lost on the way"}""".formatted(ReconstitutionApiStubs.ACCOUNT,
                ReconstitutionApiStubs.OTHER_ACCOUNT), true, true)));
    }

    @Test
    void answersBadInputOnTheFormAndSendsNothing() throws Exception {
        String nothingChosen = page(post("/reconstitution/dry-run").with(person("support.agent", "support"))
                .with(csrf()).param("reason", " "));
        String badValues = page(post("/reconstitution/dry-run").with(person("support.agent", "support")).with(csrf())
                .param("producer", "accounts-service:accounts/account").param("receiver", "accounts-service")
                .param("from", "2026-12-01T08:00").param("to", "2026-11-30T08:00")
                .param("entityIds", ReconstitutionApiStubs.ACCOUNT + " acc-42").param("eventNames", "TransferBooked")
                .param("reason", "why not"));

        assertThat(nothingChosen).contains("Nothing was sent: correct the form.", "Choose a producer.",
                "Choose a receiver.", "A reason is required.");
        assertThat(badValues).contains("accounts-service does not read accounts.events",
                "From must be before To.", "Not an entity id (accounts and transfers are UUIDs): acc-42.",
                "TransferBooked is not an event of accounts/account.")
                // the form keeps what was typed
                .contains("acc-42", "why not");
        ACCOUNTS.verify(0, postRequestedFor(urlPathEqualTo("/ops/v1/reconstitution-jobs")));
    }

    @Test
    void showsADryRunsCountAndSampleAndOffersTheRealRunToALeadOnly() throws Exception {
        ReconstitutionApiStubs.dryRunJob(ACCOUNTS);

        String asAgent = page(get(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN).with(person("support.agent", "support")));
        String asLead = page(get(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN)
                .with(person("support.lead", "support", "support-lead")));

        assertThat(asAgent).contains("id=\"job-matched\">4<", "accounts.AccountOpened.v1", "evt-opened",
                ReconstitutionApiStubs.ACCOUNT, "customer asks where the money is").doesNotContain("Run for real");
        assertThat(asLead).contains("Run for real: publish 4 event(s) to transfers-service");
    }

    @Test
    void runsTheDryRunsJobForRealAndShowsAServicesForbiddenAsAMessage() throws Exception {
        ReconstitutionApiStubs.dryRunJob(ACCOUNTS);
        ReconstitutionApiStubs.refusesForRoles(ACCOUNTS);

        mvc.perform(post(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN + "/run").param("reason", "replay it")
                        .with(person("support.agent", "support")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN))
                .andExpect(flash().attribute("problem",
                        "Not allowed: accounts-service refused this for your roles (403 forbidden)."));

        ReconstitutionApiStubs.accepts(ACCOUNTS, ReconstitutionApiStubs.RUN, false);
        mvc.perform(post(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN + "/run").param("reason", "replay it")
                        .with(person("support.lead", "support", "support-lead")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(JOB_PAGE + ReconstitutionApiStubs.RUN));
        ACCOUNTS.verify(postRequestedFor(urlPathEqualTo("/ops/v1/reconstitution-jobs")).withRequestBody(equalToJson("""
                {"receiver": "transfers-service", "producer": {"domain": "accounts", "entityType": "account"},
                 "entityIds": ["%s"], "eventNames": [], "dryRun": false, "reason": "replay it"}"""
                .formatted(ReconstitutionApiStubs.ACCOUNT), true, true)));
    }

    @Test
    void givesARunningJobsProgressAsJsonForThePagesPoll() throws Exception {
        ReconstitutionApiStubs.runningJob(ACCOUNTS);

        assertThat(page(get(JOB_PAGE + ReconstitutionApiStubs.RUN).with(person("support.lead", "support"))))
                .contains("id=\"progress-bar\"", "/progress.js", "id=\"cancel-job\"");
        mvc.perform(get(JOB_PAGE + ReconstitutionApiStubs.RUN + "/progress").with(person("support.lead", "support")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RUNNING")).andExpect(jsonPath("$.finished").value(false))
                .andExpect(jsonPath("$.matched").value(4)).andExpect(jsonPath("$.published").value(2))
                .andExpect(jsonPath("$.percent").value(50));
        // the dry run matched 4 events between 00:10:01 and 00:10:03
        ReconstitutionApiStubs.dryRunJob(ACCOUNTS);
        mvc.perform(get(JOB_PAGE + ReconstitutionApiStubs.DRY_RUN + "/progress").with(person("support.lead", "support")))
                .andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.percent").value(100)).andExpect(jsonPath("$.rate").value(2.0));
    }

    @Test
    void cancelsAJobForAReasonAndRefusesABlankOneBeforeCalling() throws Exception {
        ReconstitutionApiStubs.cancels(ACCOUNTS, ReconstitutionApiStubs.RUN);
        String cancel = JOB_PAGE + ReconstitutionApiStubs.RUN + "/cancellation";

        mvc.perform(post(cancel).param("reason", "  ").with(person("support.agent", "support")).with(csrf()))
                .andExpect(flash().attribute("problem", "A reason is required to cancel; nothing was cancelled."));
        ACCOUNTS.verify(0, postRequestedFor(urlPathEqualTo(
                "/ops/v1/reconstitution-jobs/" + ReconstitutionApiStubs.RUN + "/cancellation")));

        mvc.perform(post(cancel).param("reason", "wrong receiver").with(person("support.agent", "support"))
                        .with(csrf()))
                .andExpect(redirectedUrl(JOB_PAGE + ReconstitutionApiStubs.RUN))
                .andExpect(flash().attribute("outcome",
                        "Cancellation asked: the job is RUNNING and stops after its current batch."));
        ACCOUNTS.verify(postRequestedFor(urlPathEqualTo(
                "/ops/v1/reconstitution-jobs/" + ReconstitutionApiStubs.RUN + "/cancellation"))
                .withRequestBody(equalToJson("{\"reason\": \"wrong receiver\"}")));
    }

    @Test
    void refusesAJobFormWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/reconstitution/dry-run").with(person("support.lead", "support", "support-lead"))
                        .param("producer", "accounts-service:accounts/account").param("receiver", "transfers-service")
                        .param("reason", "why"))
                .andExpect(status().isForbidden());
        ACCOUNTS.verify(0, postRequestedFor(urlPathEqualTo("/ops/v1/reconstitution-jobs")));
    }

    @Test
    void listsWhoDidWhatWhenAndWhyAcrossServicesFilteredByPersonActionEntityAndTime() throws Exception {
        ReconstitutionApiStubs.audit(ACCOUNTS);

        String all = page(get("/audit").with(person("support.agent", "support")));
        String byLead = page(get("/audit").param("person", "LEAD").with(person("support.agent", "support")));
        String byAction = page(get("/audit").param("action", "RETRY").with(person("support.agent", "support")));
        String byJob = page(get("/audit").param("entity", ReconstitutionApiStubs.RUN)
                .with(person("support.agent", "support")));
        String byTime = page(get("/audit").param("service", "accounts-service").param("from", "2026-12-01T00:00")
                .param("to", "2026-12-01T00:10").with(person("support.agent", "support")));

        assertThat(all).contains("lost on the way to transfers", "RECONSTITUTION_JOB_CREATED", "support.lead",
                "duplicate of a booked payment", "PROCESSED", "transfers-service is unavailable (it does not answer).");
        assertThat(byLead).contains("lost on the way to transfers", "duplicate of a booked payment")
                .doesNotContain("PROCESSED");
        assertThat(byAction).contains("PROCESSED").doesNotContain("lost on the way to transfers");
        assertThat(byJob).contains("lost on the way to transfers").doesNotContain("PROCESSED")
                .doesNotContain("duplicate of a booked payment");
        assertThat(byTime).contains("PROCESSED").doesNotContain("lost on the way to transfers")
                .doesNotContain("duplicate of a booked payment").doesNotContain("transfers-service is unavailable");
    }

    @Test
    void namesATimeThatIsNoTimeAndLeavesThatFilterOut() throws Exception {
        ReconstitutionApiStubs.audit(ACCOUNTS);

        String page = page(get("/audit").param("from", "yesterday").with(person("support.agent", "support")));

        assertThat(page).contains("From is not a date and time (UTC, e.g. 2026-12-01T10:30); that filter was left out.",
                "lost on the way to transfers", "duplicate of a booked payment");
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private OidcLoginRequestPostProcessor person(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        return oidcLogin()
                .idToken(token -> token.subject(username).claim("roles", List.of(roles)))
                .authorities(authorities.toArray(SimpleGrantedAuthority[]::new))
                .clientRegistration(registrations.findByRegistrationId("suite"));
    }
}
