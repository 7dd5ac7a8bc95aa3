package org.banksuite.reconciliation.ledger.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes what the job reads on the streams into its tables. Each method is idempotent on its own (a repeated call
 * changes nothing); callers run it inside the transaction that also records the event's {@code ce_id}.
 */
@Repository
public class StreamFacts {

    private final JdbcClient jdbc;

    StreamFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code eventId} as applied; false if it already was (a redelivery: apply nothing). */
    public boolean firstSight(String eventId, String topic) {
        return jdbc.sql("insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing")
                .params(eventId, topic).update() == 1;
    }

    /** An account exists, so its position can be asked for even before money moves. */
    public void accountSeen(String accountId, String currency) {
        jdbc.sql("""
                insert into account_position (account_id, currency) values (?, ?)
                on conflict (account_id) do update set currency = coalesce(account_position.currency, excluded.currency)""")
                .params(accountId, currency).update();
    }

    /** The core booked {@code entryId} (counted once per account and entry id, whatever its ce_id). */
    public void coreEntryBooked(String accountId, String entryId, String key, BigDecimal amount, String currency) {
        int inserted = jdbc.sql("""
                insert into core_entry (account_id, entry_id, match_key, amount, currency) values (?, ?, ?, ?, ?)
                on conflict do nothing""").params(accountId, entryId, key, amount, currency).update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                insert into match_group (account_id, match_key, currency, core_count, core_sum) values (?, ?, ?, 1, ?)
                on conflict (account_id, match_key) do update
                set core_count = match_group.core_count + 1, core_sum = match_group.core_sum + excluded.core_sum""")
                .params(accountId, key, currency, amount).update();
        jdbc.sql("""
                insert into account_position (account_id, currency, core_balance, core_entries) values (?, ?, ?, 1)
                on conflict (account_id) do update
                set core_balance = account_position.core_balance + excluded.core_balance,
                    core_entries = account_position.core_entries + 1, dirty = true""")
                .params(accountId, currency, amount).update();
    }

    /**
     * The suite booked {@code postingId} as the account's event {@code sequence} (counted once per account and
     * sequence, whatever its ce_id); a posting that captured a hold settles it.
     *
     * @param reservationId nullable
     */
    public void postingBooked(String accountId, long sequence, String postingId, BigDecimal amount, String currency,
                              BigDecimal bookedBalance, String reservationId) {
        int inserted = jdbc.sql("""
                insert into suite_posting (account_id, sequence, posting_id, amount) values (?, ?, ?, ?)
                on conflict do nothing""").params(accountId, sequence, postingId, amount).update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                insert into match_group (account_id, match_key, currency, suite_count, suite_sum) values (?, ?, ?, 1, ?)
                on conflict (account_id, match_key) do update
                set suite_count = match_group.suite_count + 1, suite_sum = match_group.suite_sum + excluded.suite_sum""")
                .params(accountId, postingId, currency, amount).update();
        jdbc.sql("""
                insert into account_position (account_id, currency, suite_balance, suite_sequence, postings)
                values (?, ?, ?, ?, 1)
                on conflict (account_id) do update
                set suite_balance = case when excluded.suite_sequence > account_position.suite_sequence
                                         then excluded.suite_balance else account_position.suite_balance end,
                    suite_sequence = greatest(account_position.suite_sequence, excluded.suite_sequence),
                    postings = account_position.postings + 1, dirty = true""")
                .params(accountId, currency, bookedBalance, sequence).update();
        if (reservationId != null) {
            reservationSettled(accountId, reservationId);
        }
    }

    /** A hold was placed; it stays settled if its capture or release was read first. */
    public void fundsReserved(String accountId, String reservationId, BigDecimal amount, String currency,
                              Instant reservedAt) {
        jdbc.sql("""
                insert into reservation (account_id, reservation_id, amount, currency, reserved_at) values (?, ?, ?, ?, ?)
                on conflict (account_id, reservation_id) do update
                set amount = excluded.amount, currency = excluded.currency, reserved_at = excluded.reserved_at""")
                .params(accountId, reservationId, amount, currency, Timestamp.from(reservedAt)).update();
    }

    /** A hold was captured or released: settled for good. */
    public void reservationSettled(String accountId, String reservationId) {
        jdbc.sql("""
                insert into reservation (account_id, reservation_id, settled) values (?, ?, true)
                on conflict (account_id, reservation_id) do update set settled = true""")
                .params(accountId, reservationId).update();
    }

    /** A transfer was accepted; it stays terminal if its booking or rejection was read first. */
    public void transferRequested(String transferId, String debtorAccountId, BigDecimal amount, String currency,
                                  Instant requestedAt) {
        jdbc.sql("""
                insert into transfer_watch (transfer_id, debtor_account_id, amount, currency, requested_at)
                values (?, ?, ?, ?, ?)
                on conflict (transfer_id) do update
                set amount = excluded.amount, currency = excluded.currency, requested_at = excluded.requested_at""")
                .params(transferId, debtorAccountId, amount, currency, Timestamp.from(requestedAt)).update();
    }

    /** A transfer was booked or rejected: terminal for good. */
    public void transferFinished(String transferId, String debtorAccountId) {
        jdbc.sql("""
                insert into transfer_watch (transfer_id, debtor_account_id, terminal) values (?, ?, true)
                on conflict (transfer_id) do update set terminal = true""")
                .params(transferId, debtorAccountId).update();
    }
}
