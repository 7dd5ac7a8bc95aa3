package org.banksuite.baseline.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates (or refunds) the accounts a benchmark run transfers between. */
@Service
public class AccountSeeding {

    private final JdbcTemplate jdbc;

    AccountSeeding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes accounts {@code baseline-0} to {@code baseline-(count-1)} exist with exactly {@code balance} each (existing
     * ones are reset to it).
     *
     * @return the accounts' ids, in order
     * @throws IllegalArgumentException if {@code count} is not 1 to 100,000 or the balance is negative
     */
    @Transactional
    public List<String> seed(int count, BigDecimal balance) {
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("count must be 1 to 100000: " + count);
        }
        if (balance == null || balance.signum() < 0) {
            throw new IllegalArgumentException("balance must be zero or positive: " + balance);
        }
        List<String> ids = new ArrayList<>(count);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "baseline-" + i;
            ids.add(id);
            rows.add(new Object[] {id, balance});
        }
        jdbc.batchUpdate("insert into account (id, balance) values (?, ?)"
                + " on conflict (id) do update set balance = excluded.balance", rows);
        return ids;
    }

    /** The account's balance, or {@code null} if there is no such account. */
    public BigDecimal balanceOf(String id) {
        return jdbc.query("select balance from account where id = ?",
                rows -> rows.next() ? rows.getBigDecimal(1) : null, id);
    }
}
