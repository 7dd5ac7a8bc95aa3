package org.banksuite.adapter.operationlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the operation log: pages newest first (keyset cursor, bound to the filter it was made for), one operation with
 * its latest attempts, what is overdue.
 */
public class OperationLogQueries {

    /** At most this many attempts are shown with an operation (the latest); its summary counts them all. */
    public static final int ATTEMPTS_SHOWN = 100;

    private static final KeysetCursor CURSOR = new KeysetCursor("ops2");
    private static final String COLUMNS = """
            operation_id, kind, account_id, transfer_id, status, outcome, started_at, last_attempt_at, completed_at,
            attempts, list_position""";

    private record Positioned(LoggedOperation operation, long position) {
    }

    private final JdbcTemplate jdbc;

    public OperationLogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of operations, newest first, optionally of one account and/or one transfer.
     *
     * @param limit  1 to 200 (the API's bound)
     * @param cursor the {@code nextCursor} of the previous page of the same filter, or null
     * @throws org.banksuite.kit.query.InvalidCursorException if the cursor is none of this filter's pages
     */
    public OperationPage page(String accountId, String transferId, int limit, String cursor) {
        String listKey = listKey(accountId, transferId);
        long before = cursor == null ? Long.MAX_VALUE : CURSOR.decode(listKey, cursor);
        List<Object> arguments = new ArrayList<>(List.of(before));
        StringBuilder where = new StringBuilder("list_position < ?");
        if (accountId != null) {
            where.append(" and account_id = ?");
            arguments.add(accountId);
        }
        if (transferId != null) {
            where.append(" and transfer_id = ?");
            arguments.add(transferId);
        }
        arguments.add(limit + 1);
        List<Positioned> rows = jdbc.query("select " + COLUMNS + " from core_operation where " + where
                        + " order by list_position desc limit ?",
                (rs, row) -> new Positioned(operation(rs, List.of()), rs.getLong("list_position")), arguments.toArray());
        List<LoggedOperation> items = rows.stream().limit(limit).map(Positioned::operation).toList();
        String next = rows.size() > limit ? CURSOR.encode(listKey, rows.get(limit - 1).position()) : null;
        return new OperationPage(items, next);
    }

    /**
     * The filter a cursor belongs to, short enough that the cursor stays within the API's 200 characters: a cursor of
     * one account's (or transfer's) operations is refused on another's, and on the unfiltered log.
     */
    private static String listKey(String accountId, String transferId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("a:" + accountId + "\u0000t:" + transferId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One operation with its latest {@value #ATTEMPTS_SHOWN} attempts, oldest of them first. */
    public Optional<LoggedOperation> find(String operationId) {
        List<LoggedAttempt> attempts = jdbc.query("""
                select * from (
                    select attempt, call, started_at, duration_ms, http_status, failure, outcome, retry_after_seconds
                    from core_operation_attempt where operation_id = ? order by attempt desc limit ?) latest
                order by attempt""",
                (rs, row) -> new LoggedAttempt(rs.getInt(1), rs.getString(2), instant(rs, 3), rs.getLong(4),
                        (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8)),
                operationId, ATTEMPTS_SHOWN);
        return jdbc.query("select " + COLUMNS + " from core_operation where operation_id = ?",
                (rs, row) -> operation(rs, attempts), operationId).stream().findFirst();
    }

    /** Operations the adapter has retried for longer than {@code after} without a final answer. */
    public long overdue(Duration after) {
        Long count = jdbc.queryForObject("""
                select count(*) from core_operation where status = 'IN_PROGRESS' and started_at < ?""", Long.class,
                Timestamp.from(Instant.now().minus(after)));
        return count == null ? 0 : count;
    }

    private static LoggedOperation operation(ResultSet rs, List<LoggedAttempt> attempts) throws SQLException {
        return new LoggedOperation(rs.getString("operation_id"), rs.getString("kind"), rs.getString("account_id"),
                rs.getString("transfer_id"), rs.getString("status"), rs.getString("outcome"),
                instant(rs, "started_at"), instant(rs, "last_attempt_at"), instant(rs, "completed_at"),
                rs.getInt("attempts"), attempts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
