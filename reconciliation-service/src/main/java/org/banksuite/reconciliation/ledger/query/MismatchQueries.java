package org.banksuite.reconciliation.ledger.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for the API: open mismatches, keyset-paged in the order they were noticed, and account positions. */
@Repository
public class MismatchQueries {

    private final JdbcClient jdbc;

    MismatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} open mismatches after {@code afterPosition}, oldest first.
     *
     * @param kind      nullable: only this kind
     * @param accountId nullable: only this account
     */
    public List<MismatchView> open(String kind, String accountId, long afterPosition, int limit) {
        return jdbc.sql("""
                select position, mismatch_id, kind, account_id, reference, currency, core_amount, suite_amount,
                       detected_at
                from mismatch
                where detected_at is not null and resolved_at is null and position > :after
                  and (cast(:kind as text) is null or kind = :kind)
                  and (cast(:account as text) is null or account_id = :account)
                order by position limit :limit""")
                .param("after", afterPosition).param("kind", kind).param("account", accountId).param("limit", limit)
                .query((rs, row) -> mismatch(rs)).list();
    }

    /** The account's position, or empty if the job has seen no event of it. */
    public Optional<PositionView> position(String accountId) {
        return jdbc.sql("""
                select p.*, (select count(*) from mismatch m where m.account_id = p.account_id
                             and m.detected_at is not null and m.resolved_at is null) as open_mismatches
                from account_position p where account_id = ?""").param(accountId)
                .query((rs, row) -> new PositionView(rs.getString("account_id"), rs.getString("currency"),
                        rs.getBigDecimal("suite_balance"), rs.getBigDecimal("core_balance"), rs.getLong("postings"),
                        rs.getLong("core_entries"), rs.getInt("open_mismatches"),
                        instant(rs.getTimestamp("reconciled_at")), rs.getBigDecimal("reconciled_balance"),
                        rs.getObject("reconciled_postings", Long.class)))
                .optional();
    }

    private static MismatchView mismatch(ResultSet rs) throws SQLException {
        return new MismatchView(rs.getLong("position"), rs.getObject("mismatch_id", UUID.class), rs.getString("kind"),
                rs.getString("account_id"), rs.getString("reference"), rs.getString("currency"),
                rs.getBigDecimal("core_amount"), rs.getBigDecimal("suite_amount"),
                rs.getTimestamp("detected_at").toInstant());
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
