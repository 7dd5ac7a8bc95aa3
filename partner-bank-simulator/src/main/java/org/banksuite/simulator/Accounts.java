package org.banksuite.simulator;

import org.banksuite.text.TextRule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, balances and posting entries of this bank, in PostgreSQL. */
@Service
public class Accounts {

    private final JdbcTemplate jdbc;
    private final String registrationNumber;

    Accounts(JdbcTemplate jdbc, @Value("${simulator.registration-number:1234}") String registrationNumber) {
        this.jdbc = jdbc;
        this.registrationNumber = registrationNumber;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    /** Opens an account; the same external id again returns the account opened first. */
    @Transactional
    public CoreAccount create(String externalId, String recordType, String currency) {
        if (externalId == null || externalId.isBlank() || recordType == null || recordType.isBlank()
                || currency == null || !currency.matches("[A-Z]{3}")) {
            throw SimulatorProblem.invalid("externalId, recordType and a three-letter currency are required");
        }
        requireIdentifier("externalId", externalId);
        requireIdentifier("recordType", recordType);
        jdbc.update("""
                insert into core_account (registration_number, account_number, external_id, record_type, currency, status)
                values (?, nextval('account_number_seq')::text, ?, ?, ?, 'OPEN')
                on conflict (external_id) do nothing""", registrationNumber, externalId, recordType, currency);
        return jdbc.queryForObject("select * from core_account where external_id = ?", Accounts::account, externalId);
    }

    public Optional<CoreAccount> find(String registrationNumber, String accountNumber) {
        return jdbc.query("select * from core_account where registration_number = ? and account_number = ?",
                Accounts::account, registrationNumber, accountNumber).stream().findFirst();
    }

    public CoreAccount get(String registrationNumber, String accountNumber) {
        return find(registrationNumber, accountNumber)
                .orElseThrow(() -> SimulatorProblem.accountNotFound(registrationNumber, accountNumber));
    }

    /** Locks the account row for the rest of the transaction. */
    Optional<CoreAccount> lock(String registrationNumber, String accountNumber) {
        return jdbc.query("select * from core_account where registration_number = ? and account_number = ? for update",
                Accounts::account, registrationNumber, accountNumber).stream().findFirst();
    }

    /** Closes an account whose balance is zero; closing a closed account again answers the same. */
    @Transactional
    public CoreAccount close(String registrationNumber, String accountNumber) {
        CoreAccount account = lock(registrationNumber, accountNumber)
                .orElseThrow(() -> SimulatorProblem.accountNotFound(registrationNumber, accountNumber));
        if (account.balance().signum() != 0) {
            throw new SimulatorProblem(HttpStatus.CONFLICT, SimulatorProblem.ACCOUNT_NOT_EMPTY, "Balance not zero",
                    "account " + registrationNumber + "-" + accountNumber + " holds " + account.balance().toPlainString()
                            + " " + account.currency() + "; only an empty account can be closed");
        }
        jdbc.update("update core_account set status = 'CLOSED' where registration_number = ? and account_number = ?",
                registrationNumber, accountNumber);
        return get(registrationNumber, accountNumber);
    }

    @Transactional
    public CoreAccount changeRecordType(String registrationNumber, String accountNumber, String recordType) {
        if (recordType == null || recordType.isBlank()) {
            throw SimulatorProblem.invalid("recordType is required");
        }
        requireIdentifier("recordType", recordType);
        CoreAccount account = lock(registrationNumber, accountNumber)
                .orElseThrow(() -> SimulatorProblem.accountNotFound(registrationNumber, accountNumber));
        if (CoreAccount.CLOSED.equals(account.status())) {
            throw closed(account);
        }
        jdbc.update("update core_account set record_type = ? where registration_number = ? and account_number = ?",
                recordType, registrationNumber, accountNumber);
        return get(registrationNumber, accountNumber);
    }

    static SimulatorProblem closed(CoreAccount account) {
        return new SimulatorProblem(HttpStatus.CONFLICT, SimulatorProblem.ACCOUNT_CLOSED, "Account closed",
                "account " + account.registrationNumber() + "-" + account.accountNumber() + " is closed");
    }

    /** Books an entry on a locked account and moves its balance; returns the entry id. */
    long book(CoreAccount account, BigDecimal signedAmount, String text, String paymentKey) {
        Long entryId = jdbc.queryForObject("""
                insert into core_entry (registration_number, account_number, amount, currency, text, payment_key)
                values (?, ?, ?, ?, ?, ?) returning entry_id""", Long.class,
                account.registrationNumber(), account.accountNumber(), signedAmount, account.currency(), text, paymentKey);
        jdbc.update("update core_account set balance = balance + ? where registration_number = ? and account_number = ?",
                signedAmount, account.registrationNumber(), account.accountNumber());
        return entryId;
    }

    /** An incoming payment from another bank: a credit entry on the account. */
    @Transactional
    public Entry receive(String registrationNumber, String accountNumber, MoneyJson amount, String text) {
        BigDecimal value = amount == null ? null : amount.positiveAmount();
        if (value == null) {
            throw SimulatorProblem.invalid("amount is required");
        }
        TextRule.PAYMENT_TEXT.violation(text).ifPresent(problem -> {
            throw SimulatorProblem.invalidField("text", problem);
        });
        CoreAccount account = lock(registrationNumber, accountNumber)
                .orElseThrow(() -> SimulatorProblem.accountNotFound(registrationNumber, accountNumber));
        if (CoreAccount.CLOSED.equals(account.status())) {
            throw closed(account);
        }
        if (!account.currency().equals(amount.currency())) {
            throw SimulatorProblem.invalid("the account is held in " + account.currency() + ", not " + amount.currency());
        }
        long entryId = book(account, value, text, null);
        return entries(registrationNumber, accountNumber, entryId - 1, 1).getFirst();
    }

    /** Entries after a cursor (an entry id), oldest first. */
    public List<Entry> entries(String registrationNumber, String accountNumber, long after, int limit) {
        return jdbc.query("""
                select * from core_entry where registration_number = ? and account_number = ? and entry_id > ?
                order by entry_id limit ?""", (rs, row) -> new Entry(rs.getLong("entry_id"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("text"), rs.getString("payment_key"),
                rs.getTimestamp("booked_at").toInstant()), registrationNumber, accountNumber, after, limit);
    }

    /** The core takes identifiers of 1 to 64 code points, without spaces or control characters. */
    private static void requireIdentifier(String field, String value) {
        TextRule.IDENTIFIER.violation(value).ifPresent(problem -> {
            throw SimulatorProblem.invalidField(field, problem);
        });
    }

    public record Entry(long entryId, BigDecimal amount, String currency, String text, String paymentKey, Instant bookedAt) {
    }

    private static CoreAccount account(ResultSet rs, int row) throws SQLException {
        return new CoreAccount(rs.getString("registration_number"), rs.getString("account_number"),
                rs.getString("external_id"), rs.getString("record_type"), rs.getString("currency"),
                rs.getString("status"), rs.getBigDecimal("balance"));
    }
}
