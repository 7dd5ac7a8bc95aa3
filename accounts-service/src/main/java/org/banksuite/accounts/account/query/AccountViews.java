package org.banksuite.accounts.account.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the query side. */
@Component
public class AccountViews {

    private static final KeysetCursor POSTINGS = new KeysetCursor("p1");

    private final JdbcTemplate jdbc;

    AccountViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountView> find(String accountId) {
        return jdbc.query("select * from account_view where account_id = ?", AccountViews::account, accountId)
                .stream().findFirst();
    }

    public List<AccountView> ofCustomer(String customerId) {
        return jdbc.query("select * from account_view where customer_id = ? order by opened_at, account_id",
                AccountViews::account, customerId);
    }

    /** Newest first; {@code cursor} is the previous page's {@code nextCursor}, or null for the first page. */
    public PostingPage postings(String accountId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : POSTINGS.decode(cursor);
        List<PostingView> rows = jdbc.query("""
                select * from posting_view where account_id = ? and event_sequence < ?
                order by event_sequence desc limit ?""", AccountViews::posting, accountId, before, limit + 1);
        if (rows.size() <= limit) {
            return new PostingPage(rows, null);
        }
        List<PostingView> page = rows.subList(0, limit);
        return new PostingPage(List.copyOf(page), POSTINGS.encode(page.getLast().eventSequence()));
    }

    private static AccountView account(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getString("account_id"), rs.getString("customer_id"), rs.getString("currency"),
                rs.getString("record_type"), rs.getString("status"), rs.getString("pending_record_type"),
                rs.getBoolean("closure_pending"), rs.getString("rejection_reason"), rs.getString("block_reason"),
                rs.getBigDecimal("booked_balance"), rs.getBigDecimal("reserved_balance"),
                rs.getString("registration_number"), rs.getString("account_number"),
                rs.getTimestamp("opened_at").toInstant(), rs.getLong("version"));
    }

    private static PostingView posting(ResultSet rs, int row) throws SQLException {
        return new PostingView(rs.getString("posting_id"), rs.getLong("event_sequence"), rs.getBigDecimal("amount"),
                rs.getString("text"), rs.getString("reservation_id"), rs.getBigDecimal("booked_balance"),
                rs.getTimestamp("booked_at").toInstant());
    }
}
