package org.banksuite.adapter.account.query;

import java.util.List;
import java.util.Optional;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAccountNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks up the adapter's record of core accounts: numbers for payments, open accounts for the entry sync. */
@Component
public class CoreAccountDirectory implements CoreAccountNumbers {

    private final JdbcTemplate jdbc;

    CoreAccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The core number of an account opened at the core (open or closed since). */
    @Override
    public Optional<CoreAccountNumber> of(String accountId) {
        return jdbc.query("""
                select registration_number, account_number from core_account_view
                where account_id = ? and registration_number is not null""",
                (rs, row) -> new CoreAccountNumber(rs.getString(1), rs.getString(2)), accountId).stream().findFirst();
    }

    public Optional<SyncTarget> openAccount(String accountId) {
        return jdbc.query("""
                select account_id, registration_number, account_number, entry_cursor from core_account_view
                where account_id = ? and status = 'OPEN'""",
                (rs, row) -> new SyncTarget(rs.getString(1), new CoreAccountNumber(rs.getString(2), rs.getString(3)),
                        rs.getString(4)), accountId).stream().findFirst();
    }

    /**
     * How far the account's entries were taken, as this view last saw it (it may lag behind the account), whatever
     * the account's status; empty when no entries were taken yet or the account is unknown.
     */
    public Optional<String> entryCursor(String accountId) {
        return jdbc.query("select entry_cursor from core_account_view where account_id = ? and entry_cursor is not null",
                (rs, row) -> rs.getString(1), accountId).stream().findFirst();
    }

    public List<String> openAccountIds() {
        return jdbc.queryForList("select account_id from core_account_view where status = 'OPEN' order by account_id",
                String.class);
    }
}
