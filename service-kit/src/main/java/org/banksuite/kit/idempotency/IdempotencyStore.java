package org.banksuite.kit.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code idempotency_record} table: claims, completions and look-ups of Idempotency-Keys. */
public class IdempotencyStore {

    record StoredRequest(String requestHash, String resourceId, boolean completed, int responseStatus,
                         String responseBody) {
    }

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this call is the first with the key: then the caller, and only it, runs the work. */
    boolean claim(String operation, String key, String requestHash, String resourceId) {
        return jdbc.update("""
                insert into idempotency_record (operation, idempotency_key, request_hash, resource_id, state)
                values (?, ?, ?, ?, 'IN_PROGRESS') on conflict do nothing""",
                operation, key, requestHash, resourceId) == 1;
    }

    Optional<StoredRequest> find(String operation, String key) {
        return jdbc.query("""
                select request_hash, resource_id, state, response_status, response_body from idempotency_record
                where operation = ? and idempotency_key = ?""",
                (rs, row) -> new StoredRequest(rs.getString(1), rs.getString(2), "COMPLETED".equals(rs.getString(3)),
                        rs.getInt(4), rs.getString(5)),
                operation, key).stream().findFirst();
    }

    /** Takes over a claim whose holder has not finished within {@code staleAfter}: it most likely crashed. */
    boolean takeOverStale(String operation, String key, Duration staleAfter) {
        return jdbc.update("""
                update idempotency_record set claimed_at = now()
                where operation = ? and idempotency_key = ? and state = 'IN_PROGRESS'
                  and claimed_at < now() - make_interval(secs => ?)""",
                operation, key, staleAfter.toMillis() / 1000.0) == 1;
    }

    /** Records the answer of a claim; a claim completed before keeps its first answer. */
    void complete(String operation, String key, int status, String body) {
        jdbc.update("""
                update idempotency_record set state = 'COMPLETED', response_status = ?, response_body = ?
                where operation = ? and idempotency_key = ? and state = 'IN_PROGRESS'""",
                status, body, operation, key);
    }

    /** Forgets a claim whose work was refused, so that a corrected request may use the key again. */
    void release(String operation, String key) {
        jdbc.update("delete from idempotency_record where operation = ? and idempotency_key = ? and state = 'IN_PROGRESS'",
                operation, key);
    }
}
