package org.banksuite.accounts.account.domain;

import java.time.Instant;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How much of its settled reservations a ledger remembers: bounded, and never too little to refuse a replay. */
class LedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void remembersEverySettledReservationUpToItsBound() {
        Ledger ledger = ledgerWithSettlements(Ledger.REMEMBERED_SETTLEMENTS);

        assertThat(ledger.knowsReservation("r-0")).isTrue();
        assertThat(ledger.mayHaveSettled(T0.minusSeconds(3600))).isFalse();
    }

    @Test
    void forgetsTheOldestSettlementsButTreatsRequestsMadeBeforeThemAsSettled() {
        Ledger ledger = ledgerWithSettlements(Ledger.REMEMBERED_SETTLEMENTS + 2);

        assertThat(ledger.knowsReservation("r-0")).isFalse();
        assertThat(ledger.knowsReservation("r-1")).isFalse();
        assertThat(ledger.knowsReservation("r-2")).isTrue();
        assertThat(ledger.mayHaveSettled(T0.plusSeconds(1))).isTrue();
        assertThat(ledger.mayHaveSettled(T0.plusSeconds(2))).isFalse();
        assertThat(ledger.mayHaveSettled(null)).isFalse();
    }

    @Test
    void aCapturedReservationCountsAsSettled() {
        Ledger ledger = new Ledger(Currency.DKK);
        ledger.reserve("t1", Money.of("10.00", Currency.DKK));

        ledger.book("t1/debit", Money.of("-10.00", Currency.DKK), "t1", T0);

        assertThat(ledger.knowsReservation("t1")).isTrue();
        assertThat(ledger.hold("t1")).isEmpty();
    }

    /** A ledger that settled reservations r-0, r-1, ... one second apart from T0, alternately released and declined. */
    private static Ledger ledgerWithSettlements(int count) {
        Ledger ledger = new Ledger(Currency.DKK);
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                ledger.reserve("r-" + i, Money.of("1.00", Currency.DKK));
                ledger.release("r-" + i, T0.plusSeconds(i));
            } else {
                ledger.decline("r-" + i, T0.plusSeconds(i));
            }
        }
        return ledger;
    }
}
