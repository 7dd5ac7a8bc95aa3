package org.banksuite.kit.reconstitution;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs in table {@code reconstitution_job}. A replica runs a job under a lease it renews at every checkpoint;
 * a job whose lease ran out (its replica died) is taken by the next replica that asks, from its last checkpoint.
 */
public class JobStore {

    /** A page of jobs, newest first; {@code next} is absent on the last page. */
    public record Page(List<Job> items, String next) {
    }

    /** A job a replica took, with where it got to. */
    record Claim(UUID jobId, JobRequest request, long scanPosition, long scanEnd, int entityCursor,
                 long sequenceCursor, long matched, long published) {
    }

    /** Where a running job got to. */
    record Progress(long scanPosition, int entityCursor, long sequenceCursor, long matched, long published) {
    }

    private static final KeysetCursor CURSOR = new KeysetCursor("j1");
    private static final String COLUMNS = """
            job_id, seq, status, receiver, producer_domain, producer_entity_type, from_time, to_time, entity_ids,
            event_names, dry_run, max_events_per_second, requested_by, reason, created_at, started_at, finished_at,
            matched, published, scan_position, scan_end, entity_cursor, sequence_cursor, cancel_requested, failure""";

    private final JdbcTemplate jdbc;
    private final TopicNames topics;

    JobStore(JdbcTemplate jdbc, TopicNames topics) {
        this.jdbc = jdbc;
        this.topics = topics;
    }

    void insert(UUID jobId, JobRequest request) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into reconstitution_job (job_id, status, receiver, producer_domain, producer_entity_type,
                        from_time, to_time, entity_ids, event_names, dry_run, max_events_per_second, requested_by, reason)
                    values (?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            statement.setObject(1, jobId);
            statement.setString(2, request.receiver());
            statement.setString(3, request.producer().domain());
            statement.setString(4, request.producer().entityType());
            statement.setObject(5, time(request.from()));
            statement.setObject(6, time(request.to()));
            statement.setArray(7, connection.createArrayOf("text", request.entityIds().toArray()));
            statement.setArray(8, connection.createArrayOf("text", request.eventNames().toArray()));
            statement.setBoolean(9, request.dryRun());
            statement.setObject(10, request.maxEventsPerSecond());
            statement.setString(11, request.requestedBy());
            statement.setString(12, request.reason());
            return statement;
        });
    }

    Optional<Job> find(UUID jobId) {
        return jdbc.query("select " + COLUMNS + " from reconstitution_job where job_id = ?", this::job, jobId)
                .stream().findFirst();
    }

    Page list(JobStatus status, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : CURSOR.decode(cursor);
        String statusName = status == null ? null : status.name();
        List<Job> rows = jdbc.query("select " + COLUMNS + """
                 from reconstitution_job
                where seq < ? and (cast(? as varchar) is null or status = ?)
                order by seq desc limit ?""", this::job, before, statusName, statusName, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Job> page = rows.subList(0, limit);
        long last = jdbc.queryForObject("select seq from reconstitution_job where job_id = ?", Long.class,
                page.getLast().jobId());
        return new Page(page, CURSOR.encode(last));
    }

    /**
     * Takes the oldest pending job, or a running one whose replica stopped renewing its lease. A job's end of scan
     * is fixed the first time it is taken: it sees the events stored when it started.
     */
    Optional<Claim> claim(String owner, Duration lease) {
        return jdbc.query("""
                update reconstitution_job set status = 'RUNNING', lease_owner = ?,
                    lease_until = now() + make_interval(secs => ?), started_at = coalesce(started_at, now()),
                    scan_end = coalesce(scan_end, (select coalesce(max(globalindex), 0) from domainevententry))
                where job_id = (select job_id from reconstitution_job
                                where status = 'PENDING' or (status = 'RUNNING' and lease_until < now())
                                order by seq limit 1 for update skip locked)
                returning\s""" + COLUMNS, (rs, n) -> {
            Job job = job(rs, n);
            return new Claim(job.jobId(), job.request(), rs.getLong("scan_position"), rs.getLong("scan_end"),
                    rs.getInt("entity_cursor"), rs.getLong("sequence_cursor"), job.matched(), job.published());
        }, owner, (double) lease.toSeconds()).stream().findFirst();
    }

    /**
     * Records how far the job got and renews its lease.
     *
     * @return whether support asked to cancel it; empty if the lease was lost to another replica
     */
    Optional<Boolean> checkpoint(UUID jobId, String owner, Progress progress, Duration lease) {
        return jdbc.query("""
                update reconstitution_job set scan_position = ?, entity_cursor = ?, sequence_cursor = ?, matched = ?,
                    published = ?, lease_until = now() + make_interval(secs => ?)
                where job_id = ? and lease_owner = ? and status = 'RUNNING'
                returning cancel_requested""", (rs, n) -> rs.getBoolean(1),
                progress.scanPosition(), progress.entityCursor(), progress.sequenceCursor(), progress.matched(),
                progress.published(), (double) lease.toSeconds(), jobId, owner).stream().findFirst();
    }

    void finish(UUID jobId, String owner, JobStatus status, String failure) {
        jdbc.update("""
                update reconstitution_job set status = ?, failure = ?, finished_at = now(), lease_owner = null,
                    lease_until = null
                where job_id = ? and lease_owner = ? and status = 'RUNNING'""",
                status.name(), failure == null ? null : abbreviate(failure), jobId, owner);
    }

    void sample(UUID jobId, int position, SampledEvent event) {
        jdbc.update("""
                insert into reconstitution_job_sample (job_id, position, event_id, event_type, subject, sequence, at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                jobId, position, event.eventId(), event.eventType(), event.subject(), event.sequence(),
                time(event.time()));
    }

    /**
     * Cancels a pending job at once; marks a running one, which stops at its next checkpoint.
     *
     * @return the job as it is now, or empty if it is unknown or already ended
     */
    Optional<JobStatus> cancel(UUID jobId) {
        return jdbc.query("""
                update reconstitution_job set cancel_requested = true,
                    status = case when status = 'PENDING' then 'CANCELLED' else status end,
                    finished_at = case when status = 'PENDING' then now() else finished_at end
                where job_id = ? and status in ('PENDING', 'RUNNING')
                returning status""", (rs, n) -> JobStatus.valueOf(rs.getString(1)), jobId).stream().findFirst();
    }

    private Job job(ResultSet rs, int rowNum) throws SQLException {
        UUID jobId = rs.getObject("job_id", UUID.class);
        JobRequest request = new JobRequest(rs.getString("receiver"),
                new Producer(rs.getString("producer_domain"), rs.getString("producer_entity_type")),
                instant(rs, "from_time"), instant(rs, "to_time"), texts(rs.getArray("entity_ids")),
                texts(rs.getArray("event_names")), rs.getBoolean("dry_run"),
                (Integer) rs.getObject("max_events_per_second"), rs.getString("reason"),
                rs.getString("requested_by"));
        boolean entityScoped = request.entityScoped();
        long scanPosition = entityScoped ? rs.getInt("entity_cursor") : rs.getLong("scan_position");
        Long scanEnd = entityScoped ? Long.valueOf(request.entityIds().size()) : (Long) rs.getObject("scan_end");
        return new Job(jobId, JobStatus.valueOf(rs.getString("status")), request,
                topics.reconstitution(request.receiver()), rs.getLong("matched"), rs.getLong("published"),
                scanPosition, scanEnd, request.dryRun() ? samples(jobId) : List.of(), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getBoolean("cancel_requested"),
                rs.getString("failure"));
    }

    private List<SampledEvent> samples(UUID jobId) {
        return jdbc.query("""
                select event_id, event_type, subject, sequence, at from reconstitution_job_sample
                where job_id = ? order by position""",
                (rs, n) -> new SampledEvent(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("subject"), rs.getLong("sequence"), instant(rs, "at")), jobId);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
