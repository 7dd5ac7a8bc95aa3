package org.banksuite.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.invoker.ApiClient;
import org.banksuite.api.ops.client.model.Producer;
import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobRequest;
import org.banksuite.api.ops.client.model.ReconstitutionJobStatus;
import org.banksuite.events.Receivers;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.Polling;
import org.banksuite.launcher.demo.SuiteClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Support replays every transfer's events and every core answer to accounts-service, as after a restore of its
 * database: the replays pass its handlers again, and no balance, booked or reserved, may move.
 */
final class ReplayToAccounts {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RunningSuite suite;
    private final SuiteClients clients;

    ReplayToAccounts(RunningSuite suite) {
        this.suite = suite;
        this.clients = suite.clients();
    }

    void assertReplaysChangeNoBalance() {
        Map<UUID, String> before = balances();
        ReconstitutionJob transfers = run(suite.endpoints().transfersUrl(), "transfers", "transfer");
        ReconstitutionJob core = run(suite.endpoints().adapterUrl(), "partner-bank", "account");
        assertThat(transfers.getPublished()).as("transfer events replayed").isPositive();
        assertThat(core.getPublished()).as("core answers replayed").isPositive();

        EventStore accountsStore = new EventStore(suite.databases().accounts());
        for (ReconstitutionJob job : List.of(transfers, core)) {
            await().atMost(PATIENCE).until(() -> accountsStore.countWithMetadataContaining(job.getJobId().toString()),
                    stored -> stored == job.getPublished());
        }
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(this::balances, before::equals);
        assertThat(new DeadLettersApi(supportLead(suite.endpoints().accountsUrl()))
                .listDeadLetterSequences(null, null, null, null, null, null).getItems())
                .as("accounts-service's dead letters after the replays").isEmpty();
    }

    private ReconstitutionJob run(String producerUrl, String domain, String entityType) {
        ReconstitutionJobsApi jobs = new ReconstitutionJobsApi(supportLead(producerUrl));
        ReconstitutionJob job = jobs.createReconstitutionJob(new ReconstitutionJobRequest()
                .receiver(Receivers.ACCOUNTS_SERVICE).producer(new Producer().domain(domain).entityType(entityType))
                .reason("accounts-service restored from a backup"));
        ReconstitutionJob ended = await().atMost(PATIENCE)
                .until(() -> jobs.getReconstitutionJob(job.getJobId()), current -> current.getFinishedAt() != null);
        assertThat(ended.getStatus()).as(ended.getFailure()).isEqualTo(ReconstitutionJobStatus.COMPLETED);
        assertThat(ended.getPublished()).isEqualTo(ended.getMatched());
        return ended;
    }

    private Map<UUID, String> balances() {
        Map<String, String> owners = new EventStore(suite.databases().accounts()).customersByAccount();
        return new EventStore(suite.databases().accounts()).aggregateIds("Account").stream().map(UUID::fromString)
                .collect(Collectors.toMap(id -> id, id -> booked(Polling.until("account " + id, PATIENCE,
                        () -> clients.accounts(owners.get(id.toString())).getAccount(id, null), account -> true))));
    }

    /** A client of the ops API as a support lead: a replay that is not a dry run is theirs (service-security's README). */
    private ApiClient supportLead(String baseUrl) {
        return new ApiClient(ApiClient.buildRestClientBuilder().requestInterceptor(AccessTokens.bearer(
                suite.tokens().client(AccessTokens.SUPPORT_LEAD))).build()).setBasePath(baseUrl);
    }

    private static String booked(org.banksuite.api.accounts.client.model.Account account) {
        return account.getBookedBalance().getAmount() + " booked, " + account.getReservedBalance().getAmount()
                + " reserved";
    }
}
