package org.banksuite.accounts.account.query;

import java.time.Instant;
import org.banksuite.accounts.account.domain.RecordType;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.accounts.account.domain.AccountEvent.*;

/** The projection on a real PostgreSQL, fed events directly: each applies once, whatever is delivered again. */
@ExtendWith(RealInfrastructureExtension.class)
class AccountProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    private final AccountProjection projection;
    private final AccountViews views;
    private final JdbcTemplate jdbc;

    AccountProjectionTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        projection = new AccountProjection(jdbc);
        views = new AccountViews(jdbc);
    }

    @BeforeEach
    void emptyViews() {
        projection.reset();
    }

    @Test
    void keepsBalancesAndStatusOfTheAccount() {
        openAndActivate("a1");
        projection.on(credit("a1", "p1", "100.00", "100.00"), 2, AT);
        projection.on(new FundsReserved("a1", "t1", dkk("30.00")), 3);

        AccountView view = views.find("a1").orElseThrow();
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.registrationNumber()).isEqualTo("1234");
        assertThat(view.bookedBalance()).isEqualByComparingTo("100.00");
        assertThat(view.reservedBalance()).isEqualByComparingTo("30.00");
        assertThat(view.availableBalance()).isEqualByComparingTo("70.00");
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void appliesAnEventDeliveredAgainOnce() {
        openAndActivate("a2");
        PostingBooked salary = credit("a2", "p1", "100.00", "100.00");
        FundsReserved hold = new FundsReserved("a2", "t1", dkk("10.00"));

        projection.on(salary, 2, AT);
        projection.on(hold, 3);
        projection.on(salary, 2, AT);
        projection.on(hold, 3);

        AccountView view = views.find("a2").orElseThrow();
        assertThat(view.bookedBalance()).isEqualByComparingTo("100.00");
        assertThat(view.reservedBalance()).isEqualByComparingTo("10.00");
        assertThat(views.postings("a2", 10, null).items()).hasSize(1);
    }

    @Test
    void releasesTheHoldAPostingCaptured() {
        openAndActivate("a3");
        projection.on(credit("a3", "p1", "100.00", "100.00"), 2, AT);
        projection.on(new FundsReserved("a3", "t1", dkk("40.00")), 3);
        projection.on(new PostingBooked("a3", "t1/debit", dkk("-40.00"), "rent", "t1", dkk("40.00"), dkk("60.00")), 4, AT);

        AccountView view = views.find("a3").orElseThrow();
        assertThat(view.bookedBalance()).isEqualByComparingTo("60.00");
        assertThat(view.reservedBalance()).isEqualByComparingTo("0.00");
        assertThat(views.postings("a3", 10, null).items().getFirst().reservationId()).isEqualTo("t1");
    }

    @Test
    void showsPendingChangesAndClosure() {
        openAndActivate("a4");
        projection.on(new RecordTypeChangeRequested("a4", RecordType.PERSONAL, RecordType.SAVINGS), 2);
        projection.on(new AccountClosureRequested("a4"), 3);

        AccountView view = views.find("a4").orElseThrow();
        assertThat(view.pendingRecordType()).isEqualTo("SAVINGS");
        assertThat(view.closurePending()).isTrue();
    }

    @Test
    void forgetsEverythingOnReset() {
        openAndActivate("a5");
        projection.on(credit("a5", "p1", "1.00", "1.00"), 2, AT);

        projection.reset();

        assertThat(views.find("a5")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from posting_view", Long.class)).isZero();
    }

    private void openAndActivate(String accountId) {
        projection.on(new AccountOpened(accountId, "c1", Currency.DKK, RecordType.PERSONAL), 0, AT);
        projection.on(new AccountActivated(accountId, "1234", "42"), 1);
    }

    private static PostingBooked credit(String accountId, String postingId, String amount, String balance) {
        return new PostingBooked(accountId, postingId, dkk(amount), "salary", null, null, dkk(balance));
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }
}
