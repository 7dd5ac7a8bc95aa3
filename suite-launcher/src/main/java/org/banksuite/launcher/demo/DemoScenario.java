package org.banksuite.launcher.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.banksuite.events.Topics;
import org.springframework.web.client.RestClientResponseException;

/**
 * Plays {@link DemoStory} against a running suite, one step after the other (a step that does not end as expected
 * stops the story: the later ones build on it), then compares each account's balance in the suite with the core's,
 * counts the events on each topic, and asks reconciliation-service for each account's position and the open
 * mismatches (expected: none).
 */
public final class DemoScenario {

    /** How long any one asynchronous outcome may take. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> TOPICS = List.of(
            Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS);

    private final SuiteEndpoints endpoints;
    private final SuiteClients clients;
    private final Narrator narrator;

    /** Without tokens (for a suite whose services do not check them). */
    public DemoScenario(SuiteEndpoints endpoints, Narrator narrator) {
        this(endpoints, AccessTokens.none(), narrator);
    }

    /** Customers act through the BFF's tokens, the core's admin API with the operator's, support's APIs with theirs. */
    public DemoScenario(SuiteEndpoints endpoints, AccessTokens tokens, Narrator narrator) {
        this.endpoints = endpoints;
        this.clients = SuiteClients.of(endpoints, tokens);
        this.narrator = narrator;
    }

    public DemoReport play() {
        DemoStory story = new DemoStory(clients, PATIENCE, narrator);
        List<StepOutcome> outcomes = playSteps(story);
        List<BalanceLine> balances = new Ledgers(new AccountSteps(clients, PATIENCE), new CoreSteps(clients))
                .compareOnceSettled(story.accounts(), PATIENCE);
        narrator.balances(balances);
        List<TopicCount> topics = countEvents(story.entityIds());
        narrator.topics(topics);
        fetchCoreEntriesNow(story.accounts());
        ReconciliationReport reconciliation = new ReconciliationSteps(endpoints.reconciliationUrl(),
                clients.tokens().client(AccessTokens.SUPPORT_AGENT))
                .reportOnceSettled(story.accounts(), PATIENCE);
        narrator.reconciliation(reconciliation);
        return new DemoReport(outcomes, balances, topics, reconciliation);
    }

    /**
     * Reconciliation compares the suite's postings with the core's entries, which the adapter fetches every minute:
     * asking for them now lets the report settle in seconds instead of at the next scheduled sync.
     */
    private void fetchCoreEntriesNow(List<DemoAccount> accounts) {
        CoreSteps core = new CoreSteps(clients);
        for (DemoAccount account : accounts) {
            try {
                core.requestEntrySync(account);
            } catch (RestClientResponseException notSyncedNow) {
                // an account the adapter does not sync on demand (closed, say): the scheduled sync covers it
            }
        }
    }

    private List<StepOutcome> playSteps(DemoStory story) {
        List<StepOutcome> outcomes = new ArrayList<>();
        int number = 0;
        boolean stopped = false;
        for (DemoStory.Step step : story.steps()) {
            narrator.begin(++number, step.title());
            StepOutcome outcome = stopped
                    ? new StepOutcome(step.title(), StepOutcome.Result.NOT_PLAYED, "an earlier step failed", Duration.ZERO)
                    : play(step);
            narrator.end(outcome);
            stopped = stopped || !outcome.asExpected();
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static StepOutcome play(DemoStory.Step step) {
        long startedAt = System.nanoTime();
        try {
            step.play().run();
            return new StepOutcome(step.title(), StepOutcome.Result.AS_EXPECTED, "", since(startedAt));
        } catch (RuntimeException unexpected) {
            String why = unexpected instanceof UnexpectedOutcomeException ? unexpected.getMessage()
                    : unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage();
            return new StepOutcome(step.title(), StepOutcome.Result.NOT_AS_EXPECTED, why, since(startedAt));
        }
    }

    private List<TopicCount> countEvents(Set<String> thisRunsEntities) {
        try (TopicCensus census = new TopicCensus(endpoints.kafkaBootstrapServers(), endpoints.kafkaClientProperties())) {
            List<TopicCount> counts = new ArrayList<>();
            for (String topic : TOPICS) {
                List<TopicEvent> events = census.read(endpoints.topic(topic));
                Set<String> ids = new HashSet<>();
                Set<String> aboutThisRun = new HashSet<>();
                for (TopicEvent event : events) {
                    ids.add(event.id());
                    if (thisRunsEntities.contains(event.entityId())) {
                        aboutThisRun.add(event.id());
                    }
                }
                counts.add(new TopicCount(topic, ids.size(), events.size(), aboutThisRun.size()));
            }
            return counts;
        }
    }

    private static Duration since(long startedAt) {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }
}
