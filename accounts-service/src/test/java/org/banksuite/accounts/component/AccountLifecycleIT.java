package org.banksuite.accounts.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.api.accounts.client.model.Account;
import org.banksuite.api.accounts.client.model.AccountAccepted;
import org.banksuite.api.accounts.client.model.AccountStatus;
import org.banksuite.api.accounts.client.model.BlockRequest;
import org.banksuite.api.accounts.client.model.Currency;
import org.banksuite.api.accounts.client.model.OpenAccountRequest;
import org.banksuite.api.accounts.client.model.RecordType;
import org.banksuite.api.accounts.client.model.RecordTypeChangeRequest;
import org.banksuite.events.EventJson;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountOpeningRefused;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banksuite.events.CloudEventsKafka.*;

class AccountLifecycleIT extends ComponentTest {

    @Test
    void opensAnAccountAndPublishesItWithTheCloudEventsEnvelope() {
        AccountAccepted accepted = accounts.openAccount(UUID.randomUUID().toString(),
                new OpenAccountRequest().customerId("cust-1").currency(Currency.DKK).recordType(RecordType.SAVINGS));

        assertThat(accepted.getStatus()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
        UUID id = accepted.getAccountId();
        ConsumerRecord<String, byte[]> record = accountEvents(id, 1).getFirst();
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(header(record, SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, TYPE)).isEqualTo("accounts.AccountOpened.v1");
        assertThat(header(record, SUBJECT)).isEqualTo(id.toString());
        assertThat(header(record, SOURCE)).isEqualTo("/accounts-service");
        assertThat(header(record, SEQUENCE)).isEqualTo("0");
        assertThat(header(record, ID)).isNotBlank();
        assertThat(Instant.parse(header(record, TIME))).isBeforeOrEqualTo(Instant.now());
        assertThat(header(record, CORRELATION_ID)).isNotBlank();
        AccountOpened opened = (AccountOpened) EventJson.deserialize(header(record, TYPE), record.value());
        assertThat(opened.accountId()).isEqualTo(id.toString());
        assertThat(opened.customerId()).isEqualTo("cust-1");
        assertThat(opened.currency()).isEqualTo("DKK");
        assertThat(opened.recordType()).isEqualTo("SAVINGS");
    }

    @Test
    void carriesTheCallersTraceOntoTheEventInASpanOfItsOwn() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        accounts.getApiClient().addDefaultHeader("traceparent", traceparent);

        UUID id = open("cust-trace", Currency.DKK);

        // the caller's trace, continued by the request's server span and the publisher's producer span
        assertThat(header(accountEvents(id, 1).getFirst(), TRACEPARENT))
                .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent);
    }

    @Test
    void becomesActiveWithTheCoreNumbersWhenTheCoreConfirms() {
        UUID id = openActive("cust-2", Currency.EUR);

        Account account = accounts.getAccount(id, null);
        assertThat(account.getCoreAccount().getRegistrationNumber()).isEqualTo("1234");
        assertThat(account.getBookedBalance().getAmount()).isEqualTo("0.00");
        assertThat(account.getBookedBalance().getCurrency()).isEqualTo(Currency.EUR);
        List<ConsumerRecord<String, byte[]>> events = accountEvents(id, 2);
        assertThat(events).extracting(record -> header(record, TYPE))
                .containsExactly("accounts.AccountOpened.v1", "accounts.AccountActivated.v1");
        assertThat(events).extracting(record -> header(record, SEQUENCE)).containsExactly("0", "1");
    }

    @Test
    void leavesTheCoreAccountOutUntilTheCoreConfirms() {
        UUID id = open("cust-8", Currency.DKK);
        awaitAccount(id, a -> true);

        String json = org.springframework.web.client.RestClient.create("http://localhost:" + port)
                .get().uri("/v1/accounts/{id}", id).header("Authorization", bearer(issuer.customer("cust-8")))
                .retrieve().body(String.class);
        assertThat(json).doesNotContain("coreAccount").contains("\"status\":\"PENDING_ACTIVATION\"");
    }

    @Test
    void answersHealthProbesAndServesMetrics() {
        var http = org.springframework.web.client.RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("UP");
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("UP");
        assertThat(http.get().uri("/actuator/prometheus").header("Authorization", bearer(issuer.support()))
                .retrieve().body(String.class))
                .contains("http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void isRejectedWhenTheCoreRefusesIt() {
        UUID id = open("cust-3", Currency.DKK);
        coreSays(new CoreAccountOpeningRefused(id.toString(), "customer not known at the core", Instant.now()));

        Account account = awaitAccount(id, a -> a.getStatus() == AccountStatus.REJECTED);
        assertThat(account.getRejectionReason()).isEqualTo("customer not known at the core");
    }

    @Test
    void listsACustomersAccounts() {
        UUID first = open("cust-4", Currency.DKK);
        UUID second = open("cust-4", Currency.NOK);
        awaitAccount(second, a -> true);
        awaitAccount(first, a -> true);

        assertThat(accounts.listCustomerAccounts("cust-4", null, null, null).getItems()).extracting(Account::getAccountId)
                .containsExactlyInAnyOrder(first, second);
        assertThat(accounts.listCustomerAccounts("nobody", null, null, null).getItems()).isEmpty();
    }

    @Test
    void blocksAndUnblocks() {
        UUID id = openActive("cust-5", Currency.DKK);

        assertThat(accounts.blockAccount(id, new BlockRequest().reason("card stolen")).getStatus())
                .isEqualTo(AccountStatus.BLOCKED);
        assertThat(awaitAccount(id, a -> a.getStatus() == AccountStatus.BLOCKED).getBlockReason()).isEqualTo("card stolen");
        assertThat(accounts.unblockAccount(id).getStatus()).isEqualTo(AccountStatus.ACTIVE);
        awaitAccount(id, a -> a.getStatus() == AccountStatus.ACTIVE);
    }

    @Test
    void changesRecordTypeOnceTheCoreConfirms() {
        UUID id = openActive("cust-6", Currency.DKK);

        AccountAccepted pending = accounts.requestRecordTypeChange(id, new RecordTypeChangeRequest().recordType(RecordType.BUSINESS));
        assertThat(pending.getPendingRecordType()).isEqualTo(RecordType.BUSINESS);
        awaitAccount(id, a -> a.getPendingRecordType() == RecordType.BUSINESS);
        coreSays(new CoreRecordTypeChanged(id.toString(), "BUSINESS", Instant.now()));

        Account account = awaitAccount(id, a -> a.getRecordType() == RecordType.BUSINESS);
        assertThat(account.getPendingRecordType()).isNull();
    }

    @Test
    void closesAnEmptyAccountOnceTheCoreConfirms() {
        UUID id = openActive("cust-7", Currency.DKK);

        assertThat(accounts.requestClosure(id).getClosurePending()).isTrue();
        awaitAccount(id, Account::getClosurePending);
        coreSays(new CoreAccountClosed(id.toString(), Instant.now()));

        Account account = awaitAccount(id, a -> a.getStatus() == AccountStatus.CLOSED);
        assertThat(account.getClosurePending()).isFalse();
        assertThat(accountEvents(id, 4)).extracting(record -> header(record, TYPE)).containsExactly(
                "accounts.AccountOpened.v1", "accounts.AccountActivated.v1",
                "accounts.AccountClosureRequested.v1", "accounts.AccountClosed.v1");
    }

    @Test
    void answersEveryAcceptedWriteWithTheAccountsVersionAndWhereToReadIt() {
        ResponseEntity<AccountAccepted> opened = accounts.openAccountWithHttpInfo(UUID.randomUUID().toString(),
                new OpenAccountRequest().customerId("cust-rw1").currency(Currency.DKK).recordType(RecordType.PERSONAL));
        assertAccepted(opened, opened.getBody().getAccountId(), 0);
        UUID changing = openActive("cust-rw1", Currency.DKK);
        assertAccepted(accounts.requestRecordTypeChangeWithHttpInfo(changing,
                new RecordTypeChangeRequest().recordType(RecordType.SAVINGS)), changing, 2);
        assertAccepted(accounts.blockAccountWithHttpInfo(changing, new BlockRequest().reason("lost card")), changing, 3);
        assertAccepted(accounts.blockAccountWithHttpInfo(changing, new BlockRequest().reason("again")), changing, 3);
        assertAccepted(accounts.unblockAccountWithHttpInfo(changing), changing, 4);
        UUID closing = openActive("cust-rw1", Currency.DKK);
        assertAccepted(accounts.requestClosureWithHttpInfo(closing), closing, 2);
    }

    private static void assertAccepted(ResponseEntity<AccountAccepted> answer, UUID accountId, long version) {
        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getHeaders().getLocation()).hasToString("/v1/accounts/" + accountId);
        assertThat(answer.getBody().getAccountId()).isEqualTo(accountId);
        assertThat(answer.getBody().getVersion()).isEqualTo(version);
    }

    @Test
    void readsAJustOpenedAccountAsOpenedToItsOwnerAndAsUnknownToAnyoneElse() {
        for (int attempt = 0; attempt < 3; attempt++) {
            UUID id = open("cust-rw2", Currency.SEK);

            Account account = accounts.getAccount(id, null);
            assertThat(account.getStatus()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
            assertThat(account.getCustomerId()).isEqualTo("cust-rw2");
            assertThat(account.getBookedBalance().getAmount()).isEqualTo("0.00");
            assertThat(account.getAvailableBalance().getCurrency()).isEqualTo(Currency.SEK);
            assertThat(account.getVersion()).isZero();
            assertThat(accounts.listPostings(id, null, null).getItems()).isEmpty();
            assertThatThrownBy(() -> accountsAs("cust-rw2-stranger").getAccount(id, null))
                    .isInstanceOf(HttpClientErrorException.NotFound.class);
            assertThatThrownBy(() -> accountsAs("cust-rw2-stranger").listPostings(id, null, null))
                    .isInstanceOf(HttpClientErrorException.NotFound.class);
        }
    }

    /** A BFF writes, then reads its own write in one more call: the accepted version as minVersion. */
    @Test
    void readsItsOwnWriteAtTheAcceptedVersionAndAnswersViewBehindForALaterOneAfterTheBound() {
        UUID id = openActive("cust-rw3", Currency.DKK);

        AccountAccepted blocked = accounts.blockAccount(id, new BlockRequest().reason("travelling"));
        Account read = accounts.getAccount(id, blocked.getVersion());

        assertThat(read.getStatus()).isEqualTo(AccountStatus.BLOCKED);
        assertThat(read.getVersion()).isGreaterThanOrEqualTo(blocked.getVersion());
        long asked = blocked.getVersion() + 10;
        long started = System.nanoTime();
        assertThatThrownBy(() -> accounts.getAccount(id, asked))
                .isInstanceOfSatisfying(HttpServerErrorException.ServiceUnavailable.class, behind -> {
                    assertThat(behind.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
                    assertThat(behind.getResponseBodyAsString()).contains("urn:banksuite:problem:view-behind")
                            .contains("\"minVersion\":" + asked).contains("\"viewVersion\":" + read.getVersion());
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertUnprocessable(() -> accounts.getAccount(id, -1L));
    }

    @Test
    void listsTheCustomersAccountsOnceTheWrittenOneIsInItAndRefusesAMinVersionOfAnotherList() {
        UUID id = open("cust-rw4", Currency.DKK);
        UUID strangers = open("cust-rw4-stranger", Currency.DKK);

        assertThat(accounts.listCustomerAccounts("cust-rw4", null, null, id + ":0").getItems())
                .extracting(Account::getAccountId).contains(id);
        assertThatThrownBy(() -> accounts.listCustomerAccounts("cust-rw4", null, null, id + ":9"))
                .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
        assertUnprocessable(() -> accounts.listCustomerAccounts("cust-rw4", null, null, strangers + ":0"));
        assertUnprocessable(() -> accounts.listCustomerAccounts("cust-rw4", null, null, "latest"));
    }

    private static void assertUnprocessable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            assertThat(refused.getResponseBodyAsString()).contains("urn:banksuite:problem:invalid-request");
        });
    }
}
