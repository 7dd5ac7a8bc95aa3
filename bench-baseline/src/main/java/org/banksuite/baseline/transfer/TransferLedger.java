package org.banksuite.baseline.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.banksuite.baseline.account.UnknownAccountException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one database transaction of a transfer: both balances and the transfer row, or nothing. */
@Component
class TransferLedger {

    private final JdbcTemplate jdbc;

    TransferLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Debits the debtor (only if its balance covers the amount), credits the creditor and records the transfer. The
     * two accounts are updated in the order of their ids, so two opposite transfers cannot deadlock.
     *
     * @throws UnknownAccountException    if either account does not exist (nothing changed)
     * @throws InsufficientFundsException if the debtor's balance is below the amount (nothing changed)
     */
    @Transactional
    TransferBooked book(String debtor, String creditor, BigDecimal amount) {
        if (debtor.compareTo(creditor) < 0) {
            debit(debtor, amount);
            credit(creditor, amount);
        } else {
            credit(creditor, amount);
            debit(debtor, amount);
        }
        UUID id = UUID.randomUUID();
        Instant bookedAt = Instant.now();
        jdbc.update("insert into transfer (id, debtor, creditor, amount, booked_at) values (?, ?, ?, ?, ?)",
                id, debtor, creditor, amount, java.sql.Timestamp.from(bookedAt));
        return new TransferBooked(id, debtor, creditor, amount, bookedAt);
    }

    private void debit(String debtor, BigDecimal amount) {
        if (jdbc.update("update account set balance = balance - ? where id = ? and balance >= ?",
                amount, debtor, amount) == 0) {
            Boolean exists = jdbc.queryForObject("select exists (select 1 from account where id = ?)",
                    Boolean.class, debtor);
            throw Boolean.TRUE.equals(exists) ? new InsufficientFundsException(debtor)
                    : new UnknownAccountException(debtor);
        }
    }

    private void credit(String creditor, BigDecimal amount) {
        if (jdbc.update("update account set balance = balance + ? where id = ?", amount, creditor) == 0) {
            throw new UnknownAccountException(creditor);
        }
    }
}
