package org.banksuite.accounts.account.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the query side. Lists are paged by keyset, and a list's cursor is bound to its owner (the account of the
 * postings, the customer of the accounts): another owner's cursor is refused with
 * {@link org.banksuite.kit.query.InvalidCursorException} (issue 13).
 */
@Component
public class AccountViews {

    private static final KeysetCursor POSTINGS = new KeysetCursor("p2");
    private static final KeysetCursor CUSTOMER_ACCOUNTS = new KeysetCursor("a1");

    private final JdbcTemplate jdbc;

    AccountViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountView> find(String accountId) {
        return jdbc.query("select * from account_view where account_id = ?", AccountViews::account, accountId)
                .stream().findFirst();
    }

    /**
     * One page of the customer's accounts, in the order their openings were recorded (oldest first).
     *
     * @param limit  the most accounts on the page (the API bounds it)
     * @param cursor the previous page's {@code nextCursor} of the same customer, or null for the first page
     * @throws org.banksuite.kit.query.InvalidCursorException for a cursor of another list or another customer
     */
    public AccountPage ofCustomer(String customerId, int limit, String cursor) {
        long after = cursor == null ? 0 : CUSTOMER_ACCOUNTS.decode(customerId, cursor);
        List<Listed> rows = jdbc.query("""
                select * from account_view where customer_id = ? and listing_position > ?
                order by listing_position limit ?""",
                (rs, row) -> new Listed(account(rs, row), rs.getLong("listing_position")), customerId, after, limit + 1);
        List<AccountView> page = rows.stream().limit(limit).map(Listed::view).toList();
        if (rows.size() <= limit) {
            return new AccountPage(page, null);
        }
        return new AccountPage(page, CUSTOMER_ACCOUNTS.encode(customerId, rows.get(limit - 1).position()));
    }

    private record Listed(AccountView view, long position) {
    }

    /**
     * Newest first; {@code cursor} is the previous page's {@code nextCursor} of the same account, or null for the
     * first page.
     *
     * @throws org.banksuite.kit.query.InvalidCursorException for a cursor of another list or another account
     */
    public PostingPage postings(String accountId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : POSTINGS.decode(accountId, cursor);
        List<PostingView> rows = jdbc.query("""
                select * from posting_view where account_id = ? and event_sequence < ?
                order by event_sequence desc limit ?""", AccountViews::posting, accountId, before, limit + 1);
        if (rows.size() <= limit) {
            return new PostingPage(rows, null);
        }
        List<PostingView> page = rows.subList(0, limit);
        return new PostingPage(List.copyOf(page), POSTINGS.encode(accountId, page.getLast().eventSequence()));
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
