package org.banksuite.transfers.transfer.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.banksuite.kit.query.KeysetCursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the transfers' query side. */
@Component
public class TransferViews {

    private static final KeysetCursor TRANSFERS = new KeysetCursor("t1");

    private record Row(TransferView view, long listPosition) {
    }

    private final JdbcTemplate jdbc;

    public TransferViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The transfer, whoever's it is; customers read through {@link #findVisibleTo}. */
    public Optional<TransferView> find(String transferId) {
        return jdbc.query("select * from transfer_view where transfer_id = ?", TransferViews::row, transferId)
                .stream().map(Row::view).findFirst();
    }

    /**
     * The transfer if {@code customerId} owns an account of it: its debtor account (whose owner alone could request
     * it), or the suite account it credits (which lists it too, see {@link #ofAccount}). Owners come from the account
     * replica, where they are known before a transfer from the account is accepted and never change, so a transfer is
     * visible to its sender as soon as its view is; empty for a transfer of other customers' accounts exactly as for
     * an unknown one.
     */
    public Optional<TransferView> findVisibleTo(String transferId, String customerId) {
        return jdbc.query("""
                select v.* from transfer_view v where v.transfer_id = ? and exists (
                  select 1 from account_replica a where a.customer_id = ?
                    and a.account_id in (v.debtor_account_id, v.creditor_account_id))""",
                TransferViews::row, transferId, customerId).stream().map(Row::view).findFirst();
    }

    /**
     * The transfers {@code accountId} takes part in, as debtor or as the suite account credited, newest first;
     * {@code cursor} is the previous page's {@code nextCursor} of this account's list, or null for the first page. An
     * account without transfers, or unknown, has an empty page. Whose account it is, the caller checks first.
     *
     * @throws org.banksuite.kit.query.InvalidCursorException for a cursor that is not one of this account's list
     *         (another account's, say)
     */
    public TransferPage ofAccount(String accountId, int limit, String cursor) {
        long before = cursor == null ? Long.MAX_VALUE : TRANSFERS.decode(accountId, cursor);
        List<Row> rows = jdbc.query("""
                (select * from transfer_view where debtor_account_id = ? and list_position < ?
                 order by list_position desc limit ?)
                union all
                (select * from transfer_view where creditor_account_id = ? and debtor_account_id <> ?
                   and list_position < ? order by list_position desc limit ?)
                order by list_position desc limit ?""", TransferViews::row,
                accountId, before, limit + 1, accountId, accountId, before, limit + 1, limit + 1);
        if (rows.size() <= limit) {
            return new TransferPage(rows.stream().map(Row::view).toList(), null);
        }
        List<Row> page = rows.subList(0, limit);
        return new TransferPage(page.stream().map(Row::view).toList(),
                TRANSFERS.encode(accountId, page.getLast().listPosition()));
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(new TransferView(rs.getString("transfer_id"), rs.getString("status"),
                rs.getString("debtor_account_id"), rs.getString("creditor_account_id"),
                rs.getString("creditor_registration_number"), rs.getString("creditor_account_number"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("debtor_text"),
                rs.getString("creditor_text"), rs.getObject("execution_date", LocalDate.class),
                rs.getString("rejection_reason"), rs.getString("rejection_detail"), rs.getString("core_reference"),
                rs.getTimestamp("requested_at").toInstant(), rs.getLong("version")),
                rs.getLong("list_position"));
    }
}
