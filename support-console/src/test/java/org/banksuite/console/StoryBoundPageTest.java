package org.banksuite.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.banksuite.events.Topics;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The story page when the bound on records stops the reading: what it read shows, and that it stopped. */
@SpringBootTest(properties = {"console.story.max-records=1", "spring.kafka.consumer.max-poll-records=1"})
@AutoConfigureMockMvc
class StoryBoundPageTest {

    private static final WireMockServer ISSUER = IssuerStub.discoverable();
    private static final TopicEvents TOPICS = topics();
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        IssuerStub.register(properties, ISSUER);
        properties.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        properties.add("console.story.topic-prefix", TOPICS::prefix);
    }

    @AfterAll
    static void stop() {
        TOPICS.close();
        ISSUER.stop();
    }

    @Test
    void saysWhichTopicTheBoundOnRecordsStopped() throws Exception {
        String account = UUID.randomUUID().toString();
        for (int event = 0; event < 3; event++) {
            TOPICS.publish(Topics.ACCOUNTS_EVENTS, "/accounts-service", UUID.randomUUID().toString(),
                    T0.plusSeconds(event), event, null, TopicEvents.accountOpened(account, T0.plusSeconds(event)));
        }

        String page = mvc.perform(get("/story").param("id", account).with(oidcLogin()
                        .idToken(token -> token.subject("support.agent").claim("roles", List.of("support")))
                        .authorities(new SimpleGrantedAuthority("support"))
                        .clientRegistration(registrations.findByRegistrationId("suite"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("accounts.events: stopped by the bound on records or time after 1 records",
                "accounts.AccountOpened.v1");
    }

    private static TopicEvents topics() {
        try {
            return TopicEvents.created();
        } catch (Exception failed) {
            throw new IllegalStateException("the story's topics could not be created", failed);
        }
    }
}
