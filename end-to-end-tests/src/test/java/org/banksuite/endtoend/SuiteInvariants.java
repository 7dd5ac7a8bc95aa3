package org.banksuite.endtoend;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.events.PublishedEventSchemas;
import org.banksuite.events.Topics;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.AccountSteps;
import org.banksuite.launcher.demo.BalanceLine;
import org.banksuite.launcher.demo.CoreSteps;
import org.banksuite.launcher.demo.DemoAccount;
import org.banksuite.launcher.demo.Ledgers;
import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.ReconciliationReport;
import org.banksuite.launcher.demo.ReconciliationSteps;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.TopicCensus;
import org.banksuite.launcher.demo.TopicEvent;
import org.banksuite.launcher.demo.TransferSteps;
import org.banksuite.launcher.demo.UnexpectedOutcomeException;
import org.banksuite.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold of a running suite after any scenario, read from everything it has ever stored: the suite's ledger
 * equals the core's, every transfer ended, every event its aggregates stored is on its topic.
 */
final class SuiteInvariants {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * The adapter's aggregates also store events that stay inside it (see PartnerBankIntegrationEvents): requests
     * it is about to send, its entry cursor, payment bookkeeping (a payment's start of submission is published, as
     * CorePaymentSubmitted; the start of its resolution is not). Every other event of theirs must be published.
     */
    private static final Set<String> ADAPTER_INTERNAL_EVENTS = Set.of("CoreAccountOpeningRequested",
            "CoreAccountClosureRequested", "CoreRecordTypeChangeRequested", "EntryCursorAdvanced",
            "PaymentOrderRegistered", "PaymentResolutionStarted");

    private final RunningSuite suite;
    private final SuiteClients clients;

    SuiteInvariants(RunningSuite suite) {
        this.suite = suite;
        this.clients = suite.clients();
    }

    /** Every account the suite ever stored has the core's balance (none, before the core opened it). */
    void assertLedgerEqualsCore() {
        AccountSteps accounts = new AccountSteps(clients, PATIENCE);
        List<UUID> ids = new EventStore(suite.databases().accounts()).aggregateIds("Account").stream()
                .map(UUID::fromString).toList();
        assertThat(ids).as("accounts in accounts-service's event store").isNotEmpty();
        Map<String, String> owners = accountOwners();
        List<Account> all = ids.stream().map(id -> readAccount(id, owners)).toList();
        assertThat(all).filteredOn(account -> account.getCoreAccount() == null)
                .as("accounts the core never opened hold no money")
                .allSatisfy(account -> assertThat(account.getBookedBalance().getAmount()).isEqualTo("0.00"));
        List<DemoAccount> atTheCore = all.stream().filter(account -> account.getCoreAccount() != null)
                .map(SuiteInvariants::asDemoAccount).toList();
        List<BalanceLine> lines = new Ledgers(accounts, new CoreSteps(clients)).compareOnceSettled(atTheCore, PATIENCE);
        assertThat(lines).as("every account's booked balance in the suite beside its balance at the core")
                .allSatisfy(line -> assertThat(line.equal()).as(line.toString()).isTrue());
    }

    /** Every transfer transfers-service ever accepted is BOOKED or REJECTED, once the suite settled. */
    void assertEveryTransferEnded() {
        List<String> ids = new EventStore(suite.databases().transfers()).aggregateIds("Transfer");
        assertThat(ids).as("transfers in transfers-service's event store").isNotEmpty();
        Map<String, String> owners = accountOwners();
        Map<String, JsonNode> requests = new EventStore(suite.databases().transfers()).firstPayloads("Transfer",
                Set.of("TransferRequested", "TransferScheduled"));
        for (String id : ids) {
            String debtor = requests.get(id).get("debtorAccountId").asString();
            String owner = Objects.requireNonNull(owners.get(debtor), () -> "no customer opened " + debtor);
            assertThat(TransferSteps.isFinal(Polling.until("transfer " + id + " BOOKED or REJECTED", PATIENCE,
                    () -> clients.transfers(owner).getTransfer(UUID.fromString(id), null), TransferSteps::isFinal)))
                    .isTrue();
        }
    }

    /** Each service's stored events are exactly the distinct {@code ce_id}s on its topic. */
    void assertEveryStoredEventIsOnKafka() {
        assertPublished(suite.databases().accounts(), Set.of("Account"), Set.of(), Topics.ACCOUNTS_EVENTS);
        assertPublished(suite.databases().transfers(), Set.of("Transfer"), Set.of(), Topics.TRANSFERS_EVENTS);
        assertPublished(suite.databases().adapter(), Set.of("CoreAccount", "CorePayment"), ADAPTER_INTERNAL_EVENTS,
                Topics.PARTNER_BANK_EVENTS);
    }

    private void assertPublished(TestDatabase database, Set<String> aggregateTypes, Set<String> internal,
                                 String topic) {
        EventStore store = new EventStore(database);
        Set<String> stored = published(store.eventsOf(aggregateTypes), internal);
        assertThat(stored).as("events stored by the aggregates " + aggregateTypes).isNotEmpty();
        try (TopicCensus census = new TopicCensus(suite.kafkaBootstrapServers(), suite.endpoints().kafkaClientProperties())) {
            Set<String> onTheTopic;
            try {
                onTheTopic = Polling.until(topic + " to carry every stored event", PATIENCE,
                        () -> idsOn(census, topic), ids -> ids.containsAll(stored));
            } catch (UnexpectedOutcomeException notAll) {
                onTheTopic = idsOn(census, topic);
            }
            Set<String> storedNow = published(store.eventsOf(aggregateTypes), internal);
            assertThat(onTheTopic).as("distinct ce_id on " + topic + " against the events stored by "
                    + aggregateTypes).containsAll(stored).isSubsetOf(storedNow);
        }
    }

    /**
     * On every topic, each entity's events carry {@code ce_sequence} 0, 1, 2… without gaps, and an event delivered
     * more than once always with the same number: what lets a consumer tell a missed event from a late one.
     */
    void assertEveryEntitysEventsAreNumberedWithoutGaps() {
        try (TopicCensus census = new TopicCensus(suite.kafkaBootstrapServers(), suite.endpoints().kafkaClientProperties())) {
            for (String topic : List.of(Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS)) {
                Map<String, Set<Long>> sequencesById = new HashMap<>();
                Map<String, String> entityById = new HashMap<>();
                for (TopicEvent event : census.read(suite.endpoints().topic(topic))) {
                    sequencesById.computeIfAbsent(event.id(), id -> new TreeSet<>()).add(event.sequence());
                    entityById.put(event.id(), event.entityId());
                }
                assertThat(sequencesById).as("events on " + topic).isNotEmpty()
                        .allSatisfy((id, sequences) -> assertThat(sequences).as("ce_sequence of " + id).hasSize(1));
                Map<String, List<Long>> byEntity = sequencesById.entrySet().stream().collect(Collectors.groupingBy(
                        entry -> entityById.get(entry.getKey()), TreeMap::new,
                        Collectors.mapping(entry -> entry.getValue().iterator().next(), Collectors.toList())));
                assertThat(byEntity).allSatisfy((entity, sequences) -> assertThat(sequences.stream().sorted().toList())
                        .as("ce_sequence of %s's events on %s", entity, topic)
                        .isEqualTo(LongStream.range(0, sequences.size()).boxed().toList()));
            }
        }
    }

    private Set<String> idsOn(TopicCensus census, String topic) {
        return census.read(suite.endpoints().topic(topic)).stream().map(TopicEvent::id)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> published(List<EventStore.StoredEvent> events, Set<String> internal) {
        return events.stream()
                .filter(event -> !internal.contains(simpleName(event.payloadType())))
                .map(EventStore.StoredEvent::eventId).collect(Collectors.toSet());
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    private Map<String, String> accountOwners() {
        return new EventStore(suite.databases().accounts()).customersByAccount();
    }

    /** The account as its customer reads it, once the view has it. */
    private Account readAccount(UUID id, Map<String, String> owners) {
        String owner = Objects.requireNonNull(owners.get(id.toString()), () -> "no customer opened " + id);
        return Polling.until("account " + id + " readable", PATIENCE, () -> clients.accounts(owner).getAccount(id, null),
                account -> true);
    }

    private static DemoAccount asDemoAccount(Account account) {
        return new DemoAccount(account.getCustomerId(), account.getCustomerId(), account.getAccountId(),
                account.getCurrency().getValue(), account.getCoreAccount().getRegistrationNumber(),
                account.getCoreAccount().getAccountNumber());
    }

    /**
     * reconciliation-service, reading only the three topics, has reconciled every account the core opened (each
     * posting matched to its core entry, its balance the core's) and lists no open mismatch. The adapter is asked to
     * sync each open account's core entries now, as a support agent would, rather than waiting up to its scheduled
     * sync's interval (a minute) for the entries of the latest payments to reach the topics.
     */
    void assertReconciliationFindsNoMismatch() {
        Map<String, String> owners = accountOwners();
        List<Account> opened = new EventStore(suite.databases().accounts()).aggregateIds("Account").stream()
                .map(UUID::fromString)
                .map(id -> readAccount(id, owners))
                .filter(account -> account.getCoreAccount() != null).toList();
        List<DemoAccount> atTheCore = opened.stream().map(SuiteInvariants::asDemoAccount).toList();
        assertThat(atTheCore).as("accounts the core opened").isNotEmpty();
        CoreSteps core = new CoreSteps(clients);
        opened.stream().filter(account -> account.getStatus() != AccountStatus.CLOSED)
                .map(SuiteInvariants::asDemoAccount).forEach(core::requestEntrySync);

        ReconciliationReport report = new ReconciliationSteps(suite.endpoints().reconciliationUrl(),
                suite.tokens().client(AccessTokens.SUPPORT_AGENT))
                .reportOnceSettled(atTheCore, PATIENCE);

        assertThat(report.accounts()).as("each account as reconciliation-service sees it")
                .allSatisfy(line -> assertThat(line.reconciled() && line.openMismatches() == 0)
                        .as(line.account().holder() + " " + line.account().accountId() + ": " + line.detail()).isTrue());
        assertThat(report.openMismatches()).as("open mismatches").isEmpty();
    }

    /**
     * Every record on every topic of the suite (reconciliation.events included) satisfies the JSON Schema of its
     * ce_type that shared-events ships: what a consumer in any language relies on.
     */
    void assertEveryRecordSatisfiesItsSchema() {
        try (TopicCensus reader = new TopicCensus(suite.kafkaBootstrapServers(), suite.endpoints().kafkaClientProperties())) {
            for (String topic : List.of(Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS,
                    Topics.RECONCILIATION_EVENTS)) {
                List<ConsumerRecord<String, byte[]>> records = reader.records(suite.endpoints().topic(topic));
                if (!topic.equals(Topics.RECONCILIATION_EVENTS)) {
                    assertThat(records).as("records on " + topic).isNotEmpty();
                }
                assertThat(records.stream().flatMap(record -> PublishedEventSchemas.violations(record).stream()))
                        .as("schema violations on " + topic).isEmpty();
            }
        }
    }
}
