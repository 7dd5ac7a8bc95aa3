package org.banksuite.kit.deadletters;

import java.sql.Timestamp;
import java.util.List;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log of support's retries and evictions (table {@code support_audit}), newest first. */
public class SupportAudit {

    /** A page of entries; {@code next} is absent on the last page. */
    public record Page(List<AuditRecord> items, String next) {
    }

    private static final int MAX_OUTCOME = 1200;
    private static final KeysetCursor CURSOR = new KeysetCursor("a1");

    private final JdbcTemplate jdbc;

    public SupportAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String supportUser, AuditRecord.Action action, String processingGroup, String sequenceId,
                String reason, String outcome) {
        jdbc.update("""
                insert into support_audit (support_user, action, processing_group, sequence_id, reason, outcome)
                values (?, ?, ?, ?, ?, ?)""", supportUser, action.name(), processingGroup, sequenceId, reason,
                outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME - 1) + "…" : outcome);
    }

    public Page entries(String sequenceId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : CURSOR.decode(cursor);
        List<AuditRecord> rows = jdbc.query("""
                select id, at, support_user, action, processing_group, sequence_id, reason, outcome
                from support_audit
                where id < ? and (cast(? as varchar) is null or sequence_id = ?)
                order by id desc limit ?""",
                (rs, n) -> new AuditRecord(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
                        rs.getString("support_user"), AuditRecord.Action.valueOf(rs.getString("action")),
                        rs.getString("processing_group"), rs.getString("sequence_id"), rs.getString("reason"),
                        rs.getString("outcome")),
                before, sequenceId, sequenceId, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<AuditRecord> page = rows.subList(0, limit);
        return new Page(page, CURSOR.encode(page.getLast().id()));
    }
}
