package org.banksuite.kit.deadletters;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log of support's retries, evictions and reconstitution jobs (table {@code support_audit}), newest
 * first.
 */
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
                abbreviate(outcome));
    }

    /**
     * Records what support did to one entity of the service outside the dead letters (a transfer's resolution, say);
     * the entity's id is kept as the sequence id, so that {@link #entries} finds it by that id.
     */
    public void recordEntity(String supportUser, AuditRecord.Action action, String entityId, String reason,
                             String outcome) {
        jdbc.update("""
                insert into support_audit (support_user, action, sequence_id, reason, outcome)
                values (?, ?, ?, ?, ?)""", supportUser, action.name(), entityId, reason, abbreviate(outcome));
    }

    /** Records what support did to a reconstitution job. */
    public void recordJob(String supportUser, AuditRecord.Action action, UUID jobId, String reason, String outcome) {
        jdbc.update("""
                insert into support_audit (support_user, action, job_id, reason, outcome)
                values (?, ?, ?, ?, ?)""", supportUser, action.name(), jobId, reason, abbreviate(outcome));
    }

    public Page entries(String sequenceId, UUID jobId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : CURSOR.decode(cursor);
        List<AuditRecord> rows = jdbc.query("""
                select id, at, support_user, action, processing_group, sequence_id, job_id, reason, outcome
                from support_audit
                where id < ? and (cast(? as varchar) is null or sequence_id = ?)
                  and (cast(? as uuid) is null or job_id = ?)
                order by id desc limit ?""",
                (rs, n) -> new AuditRecord(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
                        rs.getString("support_user"), AuditRecord.Action.valueOf(rs.getString("action")),
                        rs.getString("processing_group"), rs.getString("sequence_id"),
                        rs.getObject("job_id", UUID.class), rs.getString("reason"), rs.getString("outcome")),
                before, sequenceId, sequenceId, jobId, jobId, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<AuditRecord> page = rows.subList(0, limit);
        return new Page(page, CURSOR.encode(page.getLast().id()));
    }

    private static String abbreviate(String outcome) {
        return outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME - 1) + "…" : outcome;
    }
}
