package org.banksuite.reconciliation.ledger.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banksuite.events.Amount;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.EventJson;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.accounts.v1.ReservationReleased;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchResolved;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.reconciliation.ledger.messaging.StreamIngestion;
import org.banksuite.reconciliation.ledger.query.MismatchQueries;
import org.banksuite.reconciliation.ledger.query.MismatchView;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching rules on the job's real tables (PostgreSQL), fed event by event as the consumer feeds them, and
 * checked at times a test clock sets: every kind raised once after the grace period and cleared, duplicates and
 * reordered arrivals raising nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.listener.auto-startup=false", "reconciliation.check-interval=PT1H",
        "reconciliation.grace-period=PT2M", "reconciliation.reservation-threshold=PT30M",
        "reconciliation.transfer-threshold=PT20M"})
@RealInfrastructure
class ReconciliationRulesIT {

    private static final Duration GRACE = Duration.ofMinutes(2);

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        }
    }

    @Autowired
    StreamIngestion ingestion;
    @Autowired
    ReconciliationCheck check;
    @Autowired
    MismatchQueries queries;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    String account;
    long sequence;

    @BeforeEach
    void openAccount() {
        account = UUID.randomUUID().toString();
        sequence = 0;
        accounts(new AccountOpened(account, "c-1", "DKK", "PERSONAL", clock.instant()));
    }

    @Test
    void raisesNothingForAConsistentStory() {
        String transfer = UUID.randomUUID().toString();
        coreEntry("e-1", null, "100.00");
        posting("core:e-1", "100.00", "100.00", null);
        transfers(requested(transfer, "40.00"));
        accounts(new FundsReserved(account, transfer, dkk("40.00"), clock.instant()));
        coreEntry("e-2", transfer, "-40.00");
        transfers(new TransferBooked(transfer, account, null, dkk("40.00"), "rent", "rent", clock.instant()));
        posting(transfer + "/debit", "-40.00", "60.00", transfer);

        checkAfter(Duration.ZERO);
        checkAfter(Duration.ofHours(2));

        assertThat(published()).isEmpty();
        assertThat(queries.position(account)).hasValueSatisfying(position -> {
            assertThat(position.reconciledBalance()).isEqualByComparingTo("60.00");
            assertThat(position.reconciledPostings()).isEqualTo(2);
            assertThat(position.coreEntries()).isEqualTo(2);
        });
    }

    @Test
    void raisesNothingForRedeliveriesAndRepublishedEvents() {
        EventEnvelope entry = envelope(0, new CorePostingEntryBooked(account, "e-1", dkk("100.00"), "in", null,
                clock.instant()));
        ingestion.apply(Topics.PARTNER_BANK_EVENTS, entry);
        ingestion.apply(Topics.PARTNER_BANK_EVENTS, entry);
        coreEntry("e-1", null, "100.00");
        EventEnvelope booked = envelope(++sequence, new PostingBooked(account, "core:e-1", dkk("100.00"), "in", null,
                dkk("100.00"), clock.instant()));
        ingestion.apply(Topics.ACCOUNTS_EVENTS, booked);
        ingestion.apply(Topics.ACCOUNTS_EVENTS, booked);
        ingestion.apply(Topics.ACCOUNTS_EVENTS, new EventEnvelope(UUID.randomUUID().toString(), booked.source(),
                booked.type(), booked.subject(), booked.time(), booked.sequence(), null, null, null, booked.event()));

        checkAfter(Duration.ZERO);
        checkAfter(Duration.ofHours(2));

        assertThat(published()).isEmpty();
        assertThat(queries.position(account).orElseThrow().postings()).isEqualTo(1);
        assertThat(queries.position(account).orElseThrow().coreBalance()).isEqualByComparingTo("100.00");
    }

    @Test
    void raisesNothingWhenTheSuiteIsReadBeforeTheCoreOrTheEndBeforeTheStart() {
        String transfer = UUID.randomUUID().toString();
        transfers(new TransferBooked(transfer, account, null, dkk("40.00"), "rent", "rent", clock.instant()));
        posting(transfer + "/debit", "-40.00", "-40.00", transfer);
        accounts(new ReservationReleased(account, "r-9", dkk("5.00"), clock.instant()));
        checkAfter(Duration.ZERO);
        checkAfter(Duration.ofMinutes(1));
        accounts(new FundsReserved(account, "r-9", dkk("5.00"), clock.instant()));
        accounts(new FundsReserved(account, transfer, dkk("40.00"), clock.instant()));
        transfers(requested(transfer, "40.00"));
        coreEntry("e-2", transfer, "-40.00");

        checkAfter(Duration.ofMinutes(1));
        checkAfter(Duration.ofHours(2));

        assertThat(published()).isEmpty();
    }

    @Test
    void raisesAHiddenCoreEntryOnceAfterTheGracePeriodAndResolvesItWhenBooked() {
        coreEntry("e-7", "NETBANK-17", "-25.00");

        checkAfter(Duration.ZERO);
        checkAfter(GRACE.minusSeconds(1));
        assertThat(published()).isEmpty();

        checkAfter(Duration.ofSeconds(1));
        checkAfter(Duration.ofMinutes(10));
        List<IntegrationEvent> events = published();
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(ReconciliationMismatchDetected.class, detected -> {
            assertThat(detected.kind()).isEqualTo("UNBOOKED_CORE_ENTRY");
            assertThat(detected.accountId()).isEqualTo(account);
            assertThat(detected.reference()).isEqualTo("NETBANK-17/debit");
            assertThat(detected.coreAmount()).isEqualTo(dkk("-25.00"));
            assertThat(detected.suiteAmount()).isEqualTo(dkk("0.00"));
        });
        assertThat(queries.open(null, account, 0, 10)).extracting(MismatchView::kind)
                .containsExactly("UNBOOKED_CORE_ENTRY");

        posting("NETBANK-17/debit", "-25.00", "-25.00", null);
        checkAfter(Duration.ofSeconds(1));

        assertThat(published()).hasSize(2).last().isInstanceOfSatisfying(ReconciliationMismatchResolved.class,
                resolved -> assertThat(resolved.mismatchId()).isEqualTo(
                        ((ReconciliationMismatchDetected) events.getFirst()).mismatchId()));
        assertThat(queries.open(null, account, 0, 10)).isEmpty();
    }

    @Test
    void raisesNothingForAnEntryBookedWithinTheGracePeriod() {
        coreEntry("e-3", null, "12.00");
        checkAfter(Duration.ZERO);
        checkAfter(GRACE.minusSeconds(10));
        posting("core:e-3", "12.00", "12.00", null);

        checkAfter(Duration.ofSeconds(10));
        checkAfter(Duration.ofHours(1));

        assertThat(published()).isEmpty();
    }

    @Test
    void raisesAndClearsAPostingWithoutCoreEntry() {
        posting("core:e-4", "30.00", "30.00", null);

        assertThat(raisedKinds()).containsExactly("POSTING_WITHOUT_CORE_ENTRY");

        coreEntry("e-4", null, "30.00");
        assertResolved();
    }

    @Test
    void raisesAnEntryBookedTwiceInTheSuite() {
        coreEntry("e-5", null, "30.00");
        posting("core:e-5", "30.00", "30.00", null);
        posting("core:e-5", "30.00", "60.00", null);

        assertThat(raisedKinds()).containsExactly("POSTING_WITHOUT_CORE_ENTRY");
    }

    @Test
    void raisesAndClearsAnAmountMismatch() {
        coreEntry("e-6", "T-6", "-40.00");
        posting("T-6/debit", "-4.00", "-4.00", null);

        assertThat(raisedKinds()).containsExactly("AMOUNT_MISMATCH");

        coreEntry("e-6b", "T-6", "-4.00");
        posting("T-6/debit", "-40.00", "-44.00", null);
        assertResolved();
    }

    @Test
    void raisesAndClearsABalanceNoEntryExplains() {
        coreEntry("e-8", null, "30.00");
        posting("core:e-8", "30.00", "35.00", null);

        assertThat(raisedKinds()).containsExactly("BALANCE_MISMATCH");

        coreEntry("e-9", null, "5.00");
        posting("core:e-9", "5.00", "35.00", null);
        assertResolved();
    }

    @Test
    void raisesAndClearsAStaleReservation() {
        accounts(new FundsReserved(account, "r-1", dkk("15.00"), clock.instant()));
        checkAfter(Duration.ZERO);
        checkAfter(Duration.ofMinutes(29));
        assertThat(published()).isEmpty();

        checkAfter(Duration.ofMinutes(1));
        checkAfter(GRACE);
        assertThat(published()).singleElement().isInstanceOfSatisfying(ReconciliationMismatchDetected.class,
                detected -> {
                    assertThat(detected.kind()).isEqualTo("STALE_RESERVATION");
                    assertThat(detected.reference()).isEqualTo("r-1");
                    assertThat(detected.suiteAmount()).isEqualTo(dkk("15.00"));
                });

        accounts(new ReservationReleased(account, "r-1", dkk("15.00"), clock.instant()));
        checkAfter(Duration.ofSeconds(1));
        assertThat(published()).last().isInstanceOf(ReconciliationMismatchResolved.class);
    }

    @Test
    void raisesAndClearsAStuckTransfer() {
        String transfer = UUID.randomUUID().toString();
        transfers(requested(transfer, "8.00"));
        checkAfter(Duration.ZERO);
        checkAfter(Duration.ofMinutes(19));
        assertThat(published()).isEmpty();

        checkAfter(Duration.ofMinutes(1));
        checkAfter(GRACE);
        assertThat(published()).singleElement().isInstanceOfSatisfying(ReconciliationMismatchDetected.class,
                detected -> {
                    assertThat(detected.kind()).isEqualTo("STUCK_TRANSFER");
                    assertThat(detected.reference()).isEqualTo(transfer);
                    assertThat(detected.accountId()).isEqualTo(account);
                });

        transfers(new TransferRejected(transfer, account, "CORE_REJECTED", clock.instant()));
        checkAfter(Duration.ofSeconds(1));
        assertThat(published()).last().isInstanceOf(ReconciliationMismatchResolved.class);
    }

    private List<String> raisedKinds() {
        checkAfter(Duration.ZERO);
        checkAfter(GRACE);
        return published().stream().map(event -> event instanceof ReconciliationMismatchDetected detected
                ? detected.kind() : "resolved").toList();
    }

    private void assertResolved() {
        checkAfter(Duration.ofSeconds(1));
        assertThat(published()).last().isInstanceOf(ReconciliationMismatchResolved.class);
        assertThat(queries.open(null, account, 0, 10)).isEmpty();
    }

    private void checkAfter(Duration duration) {
        clock.advance(duration);
        assertThat(check.run()).isTrue();
    }

    /** The events this account's mismatches put in the outbox, in order. */
    private List<IntegrationEvent> published() {
        return jdbc.sql("""
                select o.ce_type, o.payload from outbox o join mismatch m on m.mismatch_id::text = o.subject
                where m.account_id = ? order by o.position""").param(account)
                .query((rs, row) -> EventJson.deserialize(rs.getString("ce_type"), rs.getBytes("payload")))
                .list();
    }

    private void coreEntry(String entryId, String paymentKey, String amount) {
        ingestion.apply(Topics.PARTNER_BANK_EVENTS, envelope(0, new CorePostingEntryBooked(account, entryId,
                dkk(amount), "entry", paymentKey, clock.instant())));
    }

    private void posting(String postingId, String amount, String balance, String reservationId) {
        accounts(new PostingBooked(account, postingId, dkk(amount), "posting", reservationId, dkk(balance),
                clock.instant()));
    }

    private void accounts(IntegrationEvent event) {
        ingestion.apply(Topics.ACCOUNTS_EVENTS, envelope(sequence++, event));
    }

    private void transfers(IntegrationEvent event) {
        ingestion.apply(Topics.TRANSFERS_EVENTS, envelope(0, event));
    }

    private TransferRequested requested(String transfer, String amount) {
        return new TransferRequested(transfer, account, new Creditor(null, "1234", "5678"), dkk(amount), "rent",
                "rent", null, clock.instant());
    }

    private EventEnvelope envelope(long sequence, IntegrationEvent event) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "/test", clock.instant(), sequence, event);
    }

    private static Amount dkk(String amount) {
        return new Amount(amount, "DKK");
    }
}
