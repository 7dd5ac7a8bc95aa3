package org.banksuite.reconciliation.ledger.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.banksuite.reconciliation.ledger.domain.Discrepancy;
import org.banksuite.reconciliation.ledger.domain.MismatchKind;
import org.banksuite.reconciliation.ledger.domain.TrackedMismatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mismatches the job tracks: noticed, raised, resolved. One unresolved row per (kind, account, reference). */
@Repository
public class MismatchStore {

    private final JdbcClient jdbc;

    MismatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every unresolved mismatch, raised or still within its grace period. */
    public List<TrackedMismatch> unresolved() {
        return jdbc.sql("select mismatch_id, kind, account_id, reference, noticed_at, detected_at from mismatch "
                        + "where resolved_at is null")
                .query((rs, row) -> tracked(rs)).list();
    }

    /** Starts tracking {@code discrepancy}; returns its new mismatch id. */
    public UUID notice(Discrepancy discrepancy, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into mismatch (mismatch_id, kind, account_id, reference, currency, core_amount, suite_amount,
                                      noticed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, discrepancy.kind().name(), discrepancy.accountId(), discrepancy.reference(),
                        discrepancy.currency(), discrepancy.coreAmount(), discrepancy.suiteAmount(), Timestamp.from(now))
                .update();
        return id;
    }

    /** Keeps the amounts of a tracked mismatch current. */
    public void update(Discrepancy discrepancy) {
        jdbc.sql("""
                update mismatch set currency = ?, core_amount = ?, suite_amount = ?
                where kind = ? and account_id = ? and reference = ? and resolved_at is null""")
                .params(discrepancy.currency(), discrepancy.coreAmount(), discrepancy.suiteAmount(),
                        discrepancy.kind().name(), discrepancy.accountId(), discrepancy.reference())
                .update();
    }

    /** Raises a tracked mismatch: from now on it is open, listed and counted. */
    public void raise(UUID mismatchId, Instant now) {
        jdbc.sql("update mismatch set detected_at = ? where mismatch_id = ?").params(Timestamp.from(now), mismatchId)
                .update();
    }

    public void resolve(UUID mismatchId, Instant now) {
        jdbc.sql("update mismatch set resolved_at = ? where mismatch_id = ?").params(Timestamp.from(now), mismatchId)
                .update();
    }

    /** Drops a mismatch that healed before it was raised; nobody heard of it. */
    public void forget(UUID mismatchId) {
        jdbc.sql("delete from mismatch where mismatch_id = ? and detected_at is null").param(mismatchId).update();
    }

    /** The number of open (raised, unresolved) mismatches per kind; kinds without any are absent. */
    public Map<MismatchKind, Long> openCountsByKind() {
        return jdbc.sql("select kind, count(*) as open from mismatch where detected_at is not null "
                        + "and resolved_at is null group by kind")
                .query((rs, row) -> Map.entry(rs.getString("kind"), rs.getLong("open"))).list().stream()
                .collect(Collectors.toMap(entry -> MismatchKind.valueOf(entry.getKey()), Map.Entry::getValue));
    }

    /**
     * Accounts touched since their last reconciliation that are now fully in step (balances equal, every group
     * balanced, nothing tracked) get their reconciled position moved to now.
     */
    public int markReconciled(Instant now) {
        return jdbc.sql("""
                update account_position p
                set reconciled_at = ?, reconciled_balance = suite_balance, reconciled_postings = postings, dirty = false
                where dirty and suite_balance = core_balance
                  and not exists (select 1 from match_group g where g.account_id = p.account_id
                                  and (g.core_count <> g.suite_count or g.core_sum <> g.suite_sum))
                  and not exists (select 1 from mismatch m where m.account_id = p.account_id and m.resolved_at is null)""")
                .param(Timestamp.from(now)).update();
    }

    private static TrackedMismatch tracked(ResultSet rs) throws SQLException {
        Timestamp detected = rs.getTimestamp("detected_at");
        return new TrackedMismatch(rs.getObject("mismatch_id", UUID.class),
                new Discrepancy.Key(MismatchKind.valueOf(rs.getString("kind")), rs.getString("account_id"),
                        rs.getString("reference")),
                rs.getTimestamp("noticed_at").toInstant(), detected == null ? null : detected.toInstant());
    }
}
