package org.banksuite.transfers.transfer.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.banksuite.kit.query.InvalidCursorException;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.banksuite.testsupport.RealInfrastructureExtension;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.RejectionReason;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

/** The transfers' projection on a real PostgreSQL, fed events directly: each applies once, whatever comes again. */
@ExtendWith(RealInfrastructureExtension.class)
class TransferProjectionTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T00:00:01Z");
    private static final LocalDate EXECUTION_DATE = LocalDate.parse("2026-11-25");

    private final TransferProjection projection;
    private final TransferViews views;
    private final JdbcTemplate jdbc;

    TransferProjectionTest(TestDatabase database) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        projection = new TransferProjection(jdbc);
        views = new TransferViews(jdbc);
    }

    @BeforeEach
    void emptyViews() {
        projection.reset();
        jdbc.update("delete from account_replica");
    }

    @Test
    void showsARequestedTransferWithEverythingItWasAskedFor() {
        projection.on(requested("t1", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);

        TransferView view = views.find("t1").orElseThrow();
        assertThat(view.status()).isEqualTo("REQUESTED");
        assertThat(view.debtorAccountId()).isEqualTo("debtor");
        assertThat(view.creditorAccountId()).isEqualTo("creditor");
        assertThat(view.creditorRegistrationNumber()).isNull();
        assertThat(view.amount()).isEqualByComparingTo("125.50");
        assertThat(view.currency()).isEqualTo("DKK");
        assertThat(view.debtorText()).isEqualTo("rent");
        assertThat(view.creditorText()).isEqualTo("rent from Bo");
        assertThat(view.executionDate()).isNull();
        assertThat(view.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(view.version()).isZero();
    }

    @Test
    void showsACreditorAtAnotherBankByItsNumbers() {
        projection.on(requested("t2", "debtor", Creditor.bankAccount("1551", "3512345678"), null), 0, REQUESTED_AT);

        TransferView view = views.find("t2").orElseThrow();
        assertThat(view.creditorAccountId()).isNull();
        assertThat(view.creditorRegistrationNumber()).isEqualTo("1551");
        assertThat(view.creditorAccountNumber()).isEqualTo("3512345678");
    }

    @Test
    void keepsWhenAScheduledTransferWasAskedForOnceItsDateHasCome() {
        projection.on(scheduled("t3", "debtor"), 0, REQUESTED_AT);
        assertThat(views.find("t3").orElseThrow().status()).isEqualTo("SCHEDULED");

        projection.on(requested("t3", "debtor", Creditor.suiteAccount("creditor"), EXECUTION_DATE), 1, LATER);

        TransferView view = views.find("t3").orElseThrow();
        assertThat(view.status()).isEqualTo("REQUESTED");
        assertThat(view.executionDate()).isEqualTo(EXECUTION_DATE);
        assertThat(view.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void followsATransferToItsBookingWithTheCoreReference() {
        requestReserveSubmit("t4");
        projection.on(new TransferBooked("t4", "debtor", Creditor.suiteAccount("creditor"), dkk("125.50"), "rent",
                "rent from Bo", "core-77"), 3);

        TransferView view = views.find("t4").orElseThrow();
        assertThat(view.status()).isEqualTo("BOOKED");
        assertThat(view.coreReference()).isEqualTo("core-77");
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void showsWhyATransferWasRejected() {
        projection.on(requested("t5", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);
        projection.on(new TransferRejected("t5", "debtor", RejectionReason.INSUFFICIENT_FUNDS, "available 10.00",
                false), 1);

        TransferView view = views.find("t5").orElseThrow();
        assertThat(view.status()).isEqualTo("REJECTED");
        assertThat(view.rejectionReason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(view.rejectionDetail()).isEqualTo("available 10.00");
    }

    @Test
    void changesNothingWhenEventsAreDeliveredAgain() {
        requestReserveSubmit("t6");

        projection.on(requested("t6", "debtor", Creditor.suiteAccount("creditor"), null), 0, LATER);
        projection.on(new TransferFundsReserved("t6", "debtor", dkk("125.50")), 1);

        TransferView view = views.find("t6").orElseThrow();
        assertThat(view.status()).isEqualTo("SUBMITTED");
        assertThat(view.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(view.version()).isEqualTo(2);
        assertThat(views.ofAccount("debtor", 10, null).items()).hasSize(1);
    }

    @Test
    void countsAnOverdueCoreAnswerInTheVersionOnly() {
        requestReserveSubmit("t7");

        projection.on(new TransferCoreAnswerOverdue("t7", "debtor", 1), 3);

        TransferView view = views.find("t7").orElseThrow();
        assertThat(view.status()).isEqualTo("SUBMITTED");
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void listsAnAccountsTransfersNewestFirstPageByPage() {
        for (int i = 1; i <= 5; i++) {
            projection.on(requested("p" + i, "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);
        }

        List<String> seen = new ArrayList<>();
        TransferPage page = views.ofAccount("debtor", 2, null);
        seen.addAll(ids(page));
        while (page.nextCursor() != null) {
            page = views.ofAccount("debtor", 2, page.nextCursor());
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactly("p5", "p4", "p3", "p2", "p1");
    }

    @Test
    void endsTheListWithoutACursorWhenTheLastPageIsFull() {
        projection.on(requested("q1", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);
        projection.on(requested("q2", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);

        TransferPage page = views.ofAccount("debtor", 2, null);

        assertThat(ids(page)).containsExactly("q2", "q1");
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listsTheTransfersASuiteAccountIsCreditedByAmongItsOwn() {
        projection.on(requested("in", "other", Creditor.suiteAccount("mine"), null), 0, REQUESTED_AT);
        projection.on(requested("out", "mine", Creditor.bankAccount("1551", "42"), null), 0, REQUESTED_AT);
        projection.on(requested("elsewhere", "other", Creditor.bankAccount("1551", "42"), null), 0, REQUESTED_AT);

        assertThat(ids(views.ofAccount("mine", 10, null))).containsExactly("out", "in");
    }

    @Test
    void listsNoTransfersForAnAccountItDoesNotKnow() {
        projection.on(requested("t8", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);

        TransferPage page = views.ofAccount("unknown", 10, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void refusesACursorItDidNotIssue() {
        assertThatThrownBy(() -> views.ofAccount("debtor", 10, "bogus")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void refusesTheCursorOfAnotherAccountsList() {
        for (int i = 1; i <= 3; i++) {
            projection.on(requested("b" + i, "bobs", Creditor.bankAccount("1551", "42"), null), 0, REQUESTED_AT);
            projection.on(requested("a" + i, "alices", Creditor.bankAccount("1551", "42"), null), 0, REQUESTED_AT);
        }
        String bobsCursor = views.ofAccount("bobs", 1, null).nextCursor();

        assertThatThrownBy(() -> views.ofAccount("alices", 1, bobsCursor)).isInstanceOf(InvalidCursorException.class);
        assertThat(ids(views.ofAccount("bobs", 1, bobsCursor))).containsExactly("b2");
    }

    @Test
    void showsATransferToTheOwnersOfItsAccountsOnly() {
        jdbc.update("""
                insert into account_replica (account_id, customer_id, currency, status, version)
                values ('alices', 'alice', 'DKK', 'ACTIVE', 1), ('bobs', 'bob', 'DKK', 'ACTIVE', 1),
                       ('carols', 'carol', 'DKK', 'ACTIVE', 1)""");
        projection.on(requested("ab", "alices", Creditor.suiteAccount("bobs"), null), 0, REQUESTED_AT);

        assertThat(views.findVisibleTo("ab", "alice")).isPresent();
        assertThat(views.findVisibleTo("ab", "bob")).isPresent();
        assertThat(views.findVisibleTo("ab", "carol")).isEmpty();
        assertThat(views.findVisibleTo("unknown", "alice")).isEmpty();
    }

    @Test
    void forgetsEverythingOnReset() {
        projection.on(requested("t9", "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);

        projection.reset();

        assertThat(views.find("t9")).isEmpty();
        assertThat(views.ofAccount("debtor", 10, null).items()).isEmpty();
    }

    private void requestReserveSubmit(String transferId) {
        projection.on(requested(transferId, "debtor", Creditor.suiteAccount("creditor"), null), 0, REQUESTED_AT);
        projection.on(new TransferFundsReserved(transferId, "debtor", dkk("125.50")), 1);
        projection.on(new TransferSubmitted(transferId, "debtor"), 2);
    }

    private static TransferRequested requested(String transferId, String debtor, Creditor creditor, LocalDate date) {
        return new TransferRequested(transferId, debtor, creditor, dkk("125.50"), "rent", "rent from Bo", date);
    }

    private static TransferScheduled scheduled(String transferId, String debtor) {
        return new TransferScheduled(transferId, debtor, Creditor.suiteAccount("creditor"), dkk("125.50"), "rent",
                "rent from Bo", EXECUTION_DATE);
    }

    private static List<String> ids(TransferPage page) {
        return page.items().stream().map(TransferView::transferId).toList();
    }

    private static Money dkk(String amount) {
        return Money.of(amount, Currency.DKK);
    }
}
