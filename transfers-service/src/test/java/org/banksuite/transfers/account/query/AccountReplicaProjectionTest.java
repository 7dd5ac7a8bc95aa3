package org.banksuite.transfers.account.query;

import java.time.Instant;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountBlocked;
import org.banksuite.events.accounts.v1.AccountClosed;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.AccountOpeningRejected;
import org.banksuite.events.accounts.v1.AccountUnblocked;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account replica on a real PostgreSQL, fed accounts-service's events with their ce_sequence directly. */
@ExtendWith(RealInfrastructureExtension.class)
class AccountReplicaProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private final AccountReplicaProjection projection;
    private final AccountReplica replica;

    AccountReplicaProjectionTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        projection = new AccountReplicaProjection(jdbc);
        replica = new AccountReplica(jdbc);
    }

    @BeforeEach
    void emptyReplica() {
        projection.reset();
    }

    @Test
    void knowsAnOpenedAccountWithItsCurrencyAsPendingActivation() {
        projection.on(opened("a1", "SEK"), "0");

        assertThat(replica.find("a1")).contains(new ReplicaAccount("a1", "customer-a1", "SEK", "PENDING_ACTIVATION"));
    }

    @Test
    void knowsAnActivatedAccountAsActive() {
        openAndActivate("a2");

        assertThat(replica.find("a2")).hasValueSatisfying(account -> assertThat(account.isActive()).isTrue());
    }

    @Test
    void followsABlockAndItsLifting() {
        openAndActivate("a3");

        projection.on(new AccountBlocked("a3", "fraud suspected", AT), "2");
        assertThat(replica.find("a3").orElseThrow().status()).isEqualTo("BLOCKED");

        projection.on(new AccountUnblocked("a3", AT), "3");
        assertThat(replica.find("a3").orElseThrow().status()).isEqualTo("ACTIVE");
    }

    @Test
    void knowsAClosedAccountAsClosed() {
        openAndActivate("a4");
        projection.on(new AccountClosed("a4", AT), "5");

        assertThat(replica.find("a4").orElseThrow().status()).isEqualTo("CLOSED");
    }

    @Test
    void knowsAnAccountTheCoreRefusedAsRejected() {
        projection.on(opened("a5", "DKK"), "0");
        projection.on(new AccountOpeningRejected("a5", "customer unknown at the core", AT), "1");

        assertThat(replica.find("a5").orElseThrow().status()).isEqualTo("REJECTED");
    }

    @Test
    void changesNothingWhenEventsAreDeliveredAgain() {
        openAndActivate("a6");
        projection.on(new AccountBlocked("a6", "fraud suspected", AT), "2");
        projection.on(new AccountUnblocked("a6", AT), "3");

        projection.on(opened("a6", "DKK"), "0");
        projection.on(new AccountBlocked("a6", "fraud suspected", AT), "2");

        assertThat(replica.find("a6")).contains(new ReplicaAccount("a6", "customer-a6", "DKK", "ACTIVE"));
    }

    @Test
    void takesTheCurrencyFromAnOpeningSeenAfterALaterEvent() {
        projection.on(activated("a7"), "1");
        assertThat(replica.find("a7")).isEmpty();

        projection.on(opened("a7", "EUR"), "0");

        assertThat(replica.find("a7")).contains(new ReplicaAccount("a7", "customer-a7", "EUR", "ACTIVE"));
    }

    @Test
    void findsAnActivatedAccountByItsCoreNumber() {
        openAndActivate("a10");

        assertThat(replica.accountIdByCoreNumber("1234", "42")).contains("a10");
        assertThat(replica.accountIdByCoreNumber("1234", "0042")).isEmpty();
        assertThat(replica.accountIdByCoreNumber("9999", "42")).isEmpty();
    }

    @Test
    void keepsTheCoreNumberWhenALaterEventCameFirst() {
        projection.on(opened("a11", "DKK"), "0");
        projection.on(new AccountBlocked("a11", "fraud suspected", AT), "2");

        projection.on(activated("a11"), "1");

        assertThat(replica.accountIdByCoreNumber("1234", "42")).contains("a11");
        assertThat(replica.find("a11").orElseThrow().status()).isEqualTo("BLOCKED");
    }

    @Test
    void knowsAnAccountAsItsOwnersOnlyAndKeepsTheOwnerOfTheFirstOpening() {
        openAndActivate("a12");
        projection.on(new AccountOpened("a12", "mallory", "DKK", "PERSONAL", AT), "0");

        assertThat(replica.findOwned("a12", "customer-a12")).isPresent();
        assertThat(replica.findOwned("a12", "mallory")).isEmpty();
        assertThat(replica.findOwned("never-opened", "customer-a12")).isEmpty();
    }

    @Test
    void knowsNoAccountItHasNotSeen() {
        assertThat(replica.find("never-opened")).isEmpty();
    }

    @Test
    void refusesAnEventWithoutItsSequence() {
        projection.on(opened("a8", "DKK"), "0");

        assertThatThrownBy(() -> projection.on(activated("a8"), null)).isInstanceOf(IllegalStateException.class);
        assertThat(replica.find("a8").orElseThrow().status()).isEqualTo("PENDING_ACTIVATION");
    }

    @Test
    void forgetsEverythingOnReset() {
        openAndActivate("a9");

        projection.reset();

        assertThat(replica.find("a9")).isEmpty();
    }

    private void openAndActivate(String accountId) {
        projection.on(opened(accountId, "DKK"), "0");
        projection.on(activated(accountId), "1");
    }

    private static AccountOpened opened(String accountId, String currency) {
        return new AccountOpened(accountId, "customer-" + accountId, currency, "PERSONAL", AT);
    }

    private static AccountActivated activated(String accountId) {
        return new AccountActivated(accountId, "1234", "42", AT);
    }
}
