package org.banksuite.accounts.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountList;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.PostingPage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.banksuite.testsupport.Problems.assertProblem;

/**
 * Who may do what with accounts (issue 13): a customer sees and acts on their own accounts only, and another
 * customer's answers exactly as an unknown one (404) on every path that names an account or a customer; support may
 * block any account, only a support lead lifts a block; no valid token, nothing done. Every refusal changes nothing:
 * the account's state and its events on {@code accounts.events} stay as they were.
 */
class AuthorizationIT extends ComponentTest {

    private static final List<String> CUSTOMER = List.of("customer");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersAnotherCustomersAccountAsUnknownOnEveryPathAndChangesNothing() throws Exception {
        UUID alices = openActive("bola-alice", Currency.DKK);
        credit(alices, "10.00", Currency.DKK);
        awaitAccount(alices, account -> account.getBookedBalance().getAmount().equals("10.00"));
        String bob = issuer.customer("bola-bob");

        assertProblem(get("/v1/accounts/" + alices, bob), 404, "account-not-found");
        assertProblem(get("/v1/accounts/" + alices + "/postings", bob), 404, "account-not-found");
        assertProblem(post("/v1/accounts/" + alices + "/record-type-changes", bob, "{\"recordType\": \"SAVINGS\"}"),
                404, "account-not-found");
        assertProblem(post("/v1/accounts/" + alices + "/block", bob, "{\"reason\": \"mine now\"}"),
                404, "account-not-found");
        assertProblem(post("/v1/accounts/" + alices + "/closure", bob, ""), 404, "account-not-found");
        assertProblem(get("/v1/customers/bola-alice/accounts", bob), 404, "not-found");
        assertProblem(post("/v1/accounts/" + alices + "/unblock", bob, ""), 403, "forbidden");

        assertUnchanged(alices, 3);
    }

    @Test
    void answersAnotherCustomersRepeatOfARequestInEffectAsUnknownToo() throws Exception {
        UUID alices = openActive("bola-alice-2", Currency.DKK);
        accountsAs("bola-alice-2").blockAccount(alices,
                new org.banksuite.api.accounts.client.model.BlockRequest().reason("card lost"));
        awaitAccount(alices, account -> account.getStatus() == AccountStatus.BLOCKED);

        assertProblem(post("/v1/accounts/" + alices + "/block", issuer.customer("bola-bob"), "{\"reason\": \"x\"}"),
                404, "account-not-found");
    }

    @Test
    void refusesSupportOnTheCustomersOperationsWithForbidden() throws Exception {
        UUID alices = openActive("roles-alice", Currency.DKK);
        String support = issuer.support();

        assertProblem(get("/v1/accounts/" + alices, support), 403, "forbidden");
        assertProblem(get("/v1/accounts/" + alices + "/postings", support), 403, "forbidden");
        assertProblem(get("/v1/customers/roles-alice/accounts", support), 403, "forbidden");
        assertProblem(post("/v1/accounts/" + alices + "/closure", support, ""), 403, "forbidden");
        assertProblem(post("/v1/accounts/" + alices + "/record-type-changes", support,
                "{\"recordType\": \"SAVINGS\"}"), 403, "forbidden");
        assertProblem(open(support, "k-" + UUID.randomUUID(), """
                {"customerId": "roles-support", "currency": "DKK", "recordType": "PERSONAL"}"""), 403, "forbidden");

        assertUnchanged(alices, 2);
        assertThat(accountsAs("roles-support").listCustomerAccounts("roles-support", null, null, null).getItems()).isEmpty();
    }

    @Test
    void letsSupportBlockAnyAccountAndOnlyASupportLeadLiftTheBlock() throws Exception {
        UUID alices = openActive("roles-alice-2", Currency.DKK);

        HttpResponse<String> blocked = post("/v1/accounts/" + alices + "/block", issuer.support(),
                "{\"reason\": \"fraud suspected\"}");
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(202);
        awaitAccount(alices, account -> account.getStatus() == AccountStatus.BLOCKED);

        assertProblem(post("/v1/accounts/" + alices + "/unblock", issuer.support(), ""), 403, "forbidden");
        assertProblem(post("/v1/accounts/" + alices + "/unblock", issuer.customer("roles-alice-2"), ""), 403,
                "forbidden");
        assertUnchanged(alices, 3);
        assertThat(accountsAs("roles-alice-2").getAccount(alices, null).getStatus()).isEqualTo(AccountStatus.BLOCKED);

        HttpResponse<String> lifted = post("/v1/accounts/" + alices + "/unblock", issuer.supportLead(), "");
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(202);
        awaitAccount(alices, account -> account.getStatus() == AccountStatus.ACTIVE);
    }

    /** The audit's actor is the token's subject, whatever the request says ({@code X-Support-User} is no source). */
    @Test
    void recordsTheTokensSubjectAsTheActorOfEachChangeInTheEventStore() throws Exception {
        UUID alices = openActive("audit-alice", Currency.DKK);
        HttpResponse<String> blocked = http.send(request("/v1/accounts/" + alices + "/block", issuer.support("agent-7"))
                .header("Content-Type", "application/json").header("X-Support-User", "someone-else")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"fraud suspected\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(202);
        assertThat(post("/v1/accounts/" + alices + "/unblock", issuer.supportLead(), "").statusCode()).isEqualTo(202);
        assertThat(post("/v1/accounts/" + alices + "/closure", issuer.customer("audit-alice"), "").statusCode())
                .isEqualTo(202);

        assertThat(actorOf(alices, "accounts.AccountOpened")).isEqualTo("audit-alice");
        assertThat(actorOf(alices, "accounts.AccountBlocked")).isEqualTo("agent-7");
        assertThat(actorOf(alices, "accounts.AccountUnblocked")).isEqualTo("support-lead");
        assertThat(actorOf(alices, "accounts.AccountClosureRequested")).isEqualTo("audit-alice");
        assertThat(actorOf(alices, "accounts.AccountActivated")).as("the core's answer, from Kafka").isNull();
    }

    @Test
    void refusesWritesWithoutAValidTokenAndChangesNothing() throws Exception {
        UUID alices = openActive("door-alice", Currency.DKK);
        List<String> audience = List.of("accounts-service");

        assertProblem(open(null, "k-" + UUID.randomUUID(), """
                {"customerId": "door-alice", "currency": "DKK", "recordType": "PERSONAL"}"""), 401, "unauthorized");
        assertProblem(post("/v1/accounts/" + alices + "/block", null, "{\"reason\": \"x\"}"), 401, "unauthorized");
        assertProblem(post("/v1/accounts/" + alices + "/closure", issuer.expired("door-alice", CUSTOMER, audience), ""),
                401, "unauthorized");
        assertProblem(post("/v1/accounts/" + alices + "/block", issuer.tampered("door-alice", CUSTOMER, audience),
                "{\"reason\": \"x\"}"), 401, "unauthorized");
        assertProblem(post("/v1/accounts/" + alices + "/closure",
                issuer.token("door-alice", CUSTOMER, List.of("partner-bank-proxy")), ""), 401, "unauthorized");
        assertProblem(get("/v1/accounts/" + alices, null), 401, "unauthorized");

        assertUnchanged(alices, 2);
        assertThat(accountsAs("door-alice").listCustomerAccounts("door-alice", null, null, null).getItems()).hasSize(1);
    }

    @Test
    void opensForTheCallerOnlyAndRefusesABodyNamingAnotherCustomer() throws Exception {
        assertProblem(open(issuer.customer("who-alice"), "k-" + UUID.randomUUID(), """
                {"customerId": "who-bob", "currency": "DKK", "recordType": "PERSONAL"}"""), 403, "forbidden");

        assertThat(accountsTopic.settle(record -> new String(record.value()).contains("\"who-"),
                Duration.ofMillis(500))).isEmpty();
        assertThat(accountsAs("who-alice").listCustomerAccounts("who-alice", null, null, null).getItems()).isEmpty();
        assertThat(accountsAs("who-bob").listCustomerAccounts("who-bob", null, null, null).getItems()).isEmpty();
    }

    @Test
    void neverAnswersAnotherCustomerWithTheAnswerToTheSameIdempotencyKey() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        String body = """
                {"currency": "DKK", "recordType": "PERSONAL"}""";
        HttpResponse<String> alices = open(issuer.customer("key-alice"), key, body);
        assertThat(alices.statusCode()).as(alices.body()).isEqualTo(202);
        String alicesAccount = json.readTree(alices.body()).get("accountId").asString();

        HttpResponse<String> bobs = open(issuer.customer("key-bob"), key, body);

        assertProblem(bobs, 422, "idempotency-key-reused");
        assertThat(bobs.body()).doesNotContain(alicesAccount);
        await().atMost(PATIENCE).until(() ->
                accountsAs("key-alice").listCustomerAccounts("key-alice", null, null, null).getItems().size() == 1);
        assertThat(accountsAs("key-bob").listCustomerAccounts("key-bob", null, null, null).getItems()).isEmpty();
    }

    @Test
    void refusesACursorOfAnotherAccountsPostingsOrAnotherList() throws Exception {
        UUID first = openActive("cursor-alice", Currency.DKK);
        UUID second = openActive("cursor-alice", Currency.DKK);
        for (int i = 0; i < 2; i++) {
            credit(first, "1.00", Currency.DKK);
            credit(second, "1.00", Currency.DKK);
        }
        awaitAccount(first, account -> account.getBookedBalance().getAmount().equals("2.00"));
        awaitAccount(second, account -> account.getBookedBalance().getAmount().equals("2.00"));
        String alice = issuer.customer("cursor-alice");
        PostingPage secondsFirstPage = accountsAs("cursor-alice").listPostings(second, 1, null);
        String postingsCursor = secondsFirstPage.getNextCursor();
        assertThat(postingsCursor).isNotNull();
        AccountList accountsPage = accountsAs("cursor-alice").listCustomerAccounts("cursor-alice", 1, null, null);
        String accountsCursor = accountsPage.getNextCursor();
        assertThat(accountsCursor).isNotNull();

        assertProblem(get("/v1/accounts/" + first + "/postings?limit=1&cursor=" + postingsCursor, alice), 422,
                "invalid-request");
        assertProblem(get("/v1/accounts/" + first + "/postings?cursor=" + accountsCursor, alice), 422,
                "invalid-request");
        assertProblem(get("/v1/customers/cursor-alice/accounts?cursor=" + postingsCursor, alice), 422,
                "invalid-request");
        openActive("cursor-bob", Currency.DKK);
        assertProblem(get("/v1/customers/cursor-bob/accounts?cursor=" + accountsCursor,
                issuer.customer("cursor-bob")), 422, "invalid-request");

        assertThat(accountsAs("cursor-alice").listPostings(second, 1, postingsCursor).getItems()).hasSize(1);
        assertThat(accountsAs("cursor-alice").listCustomerAccounts("cursor-alice", 1, accountsCursor, null).getItems())
                .extracting(Account::getAccountId).containsExactly(second);
    }

    @Test
    void pagesACustomersAccountsInBoundedPagesListingEachOnce() throws Exception {
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            opened.add(open("paging-alice", Currency.DKK));
        }
        await().atMost(PATIENCE.multipliedBy(3)).until(() -> jdbc.queryForObject(
                "select count(*) from account_view where customer_id = 'paging-alice'", Long.class) == 120);

        List<UUID> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            AccountList page = accountsAs("paging-alice").listCustomerAccounts("paging-alice", null, cursor, null);
            pageSizes.add(page.getItems().size());
            page.getItems().forEach(account -> listed.add(account.getAccountId()));
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(50, 50, 20);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(opened).doesNotHaveDuplicates();
        assertThat(accountsAs("paging-alice").listCustomerAccounts("paging-alice", 100, null, null).getItems()).hasSize(100);
        assertProblem(get("/v1/customers/paging-alice/accounts?limit=101", issuer.customer("paging-alice")), 422,
                "invalid-request");
        assertProblem(get("/v1/customers/paging-alice/accounts?limit=0", issuer.customer("paging-alice")), 422,
                "invalid-request");
    }

    private String actorOf(UUID accountId, String storedType) {
        String metadata = jdbc.queryForObject("""
                select convert_from(metadata, 'UTF8') from domainevententry
                where aggregateidentifier = ? and payloadtype = ?""", String.class, accountId.toString(), storedType);
        var actor = json.readTree(metadata).get("actor");
        return actor == null ? null : actor.asString();
    }

    /** The account's events on the topic are still the {@code count} it had, and nothing else arrives. */
    private void assertUnchanged(UUID accountId, int count) {
        accountEvents(accountId, count);
        assertThat(accountsTopic.settle(record -> record.key().equals(accountId.toString()), Duration.ofSeconds(1)))
                .hasSize(count);
        Account account = accountsAs(ownerOf(accountId.toString())).getAccount(accountId, null);
        assertThat(account.getPendingRecordType()).isNull();
        assertThat(account.getClosurePending()).isFalse();
        assertThat(account.getVersion()).isEqualTo(count - 1L);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> open(String token, String key, String body) throws Exception {
        return http.send(request("/v1/accounts", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return token == null ? request : request.header("Authorization", bearer(token));
    }
}
