package org.banksuite.reconciliation.ledger.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.banksuite.reconciliation.ledger.domain.Discrepancy;
import org.banksuite.reconciliation.ledger.domain.MatchGroup;
import org.banksuite.reconciliation.ledger.domain.MismatchKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds everything out of step right now, from the running counts {@link StreamFacts} keeps. */
@Repository
public class Discrepancies {

    private final JdbcClient jdbc;

    Discrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every current discrepancy: unbalanced match groups; balances that differ where no group explains it; holds
     * older than {@code reservationThreshold}; accepted transfers older than {@code transferThreshold}.
     */
    public List<Discrepancy> findAll(Instant now, Duration reservationThreshold, Duration transferThreshold) {
        List<Discrepancy> found = new ArrayList<>();
        found.addAll(unbalancedGroups());
        found.addAll(unexplainedBalances());
        found.addAll(staleReservations(now.minus(reservationThreshold)));
        found.addAll(stuckTransfers(now.minus(transferThreshold)));
        return found;
    }

    private List<Discrepancy> unbalancedGroups() {
        return jdbc.sql("""
                select account_id, match_key, currency, core_count, core_sum, suite_count, suite_sum from match_group
                where core_count <> suite_count or core_sum <> suite_sum""")
                .query((rs, row) -> new MatchGroup(rs.getString("account_id"), rs.getString("match_key"),
                        rs.getString("currency"), rs.getInt("core_count"), rs.getBigDecimal("core_sum"),
                        rs.getInt("suite_count"), rs.getBigDecimal("suite_sum")))
                .list().stream().map(MatchGroup::asDiscrepancy).flatMap(Optional::stream).toList();
    }

    private List<Discrepancy> unexplainedBalances() {
        return jdbc.sql("""
                select account_id, currency, core_balance, suite_balance from account_position p
                where suite_balance <> core_balance
                  and not exists (select 1 from match_group g where g.account_id = p.account_id
                                  and (g.core_count <> g.suite_count or g.core_sum <> g.suite_sum))""")
                .query((rs, row) -> new Discrepancy(MismatchKind.BALANCE_MISMATCH, rs.getString("account_id"),
                        Discrepancy.BALANCE, rs.getString("currency"), rs.getBigDecimal("core_balance"),
                        rs.getBigDecimal("suite_balance")))
                .list();
    }

    private List<Discrepancy> staleReservations(Instant placedBefore) {
        return jdbc.sql("""
                select account_id, reservation_id, amount, currency from reservation
                where not settled and reserved_at is not null and reserved_at <= ?""")
                .param(Timestamp.from(placedBefore))
                .query((rs, row) -> new Discrepancy(MismatchKind.STALE_RESERVATION, rs.getString("account_id"),
                        rs.getString("reservation_id"), rs.getString("currency"), null, rs.getBigDecimal("amount")))
                .list();
    }

    private List<Discrepancy> stuckTransfers(Instant requestedBefore) {
        return jdbc.sql("""
                select transfer_id, debtor_account_id, amount, currency from transfer_watch
                where not terminal and requested_at is not null and requested_at <= ?""")
                .param(Timestamp.from(requestedBefore))
                .query((rs, row) -> new Discrepancy(MismatchKind.STUCK_TRANSFER, rs.getString("debtor_account_id"),
                        rs.getString("transfer_id"), rs.getString("currency"), null, rs.getBigDecimal("amount")))
                .list();
    }
}
