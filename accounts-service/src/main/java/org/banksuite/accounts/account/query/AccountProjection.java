package org.banksuite.accounts.account.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.banksuite.accounts.account.domain.AccountEvent.*;
import org.banksuite.accounts.account.domain.AccountStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code account_view} and {@code posting_view} in step with the event store. Every update is guarded by
 * the event's sequence number ({@code version < ?}), so an event delivered again after a crash or a replay
 * changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "account-projection";

    private final JdbcTemplate jdbc;

    AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                insert into account_view (account_id, customer_id, currency, record_type, status, opened_at, version)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                event.accountId(), event.customerId(), event.currency().name(), event.recordType().name(),
                AccountStatus.PENDING_ACTIVATION.name(), utc(at), version);
    }

    @EventHandler
    void on(AccountActivated event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = 'ACTIVE', registration_number = ?, account_number = ?",
                event.registrationNumber(), event.accountNumber());
    }

    @EventHandler
    void on(AccountOpeningRejected event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = 'REJECTED', rejection_reason = ?", event.reason());
    }

    @EventHandler
    void on(FundsReserved event, @SequenceNumber long version) {
        update(event.accountId(), version, "reserved_balance = reserved_balance + ?", event.amount().amount());
    }

    @EventHandler
    void on(FundsReservationDeclined event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = status");
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long version) {
        update(event.accountId(), version, "reserved_balance = reserved_balance - ?", event.amount().amount());
    }

    @EventHandler
    void on(PostingBooked event, @SequenceNumber long version, @Timestamp Instant at) {
        int applied = update(event.accountId(), version,
                "booked_balance = ?, reserved_balance = reserved_balance - ?",
                event.bookedBalance().amount(),
                event.capturedHold() == null ? java.math.BigDecimal.ZERO : event.capturedHold().amount());
        if (applied > 0) {
            jdbc.update("""
                    insert into posting_view (account_id, event_sequence, posting_id, amount, text, reservation_id,
                                              booked_balance, booked_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    event.accountId(), version, event.postingId(), event.amount().amount(), event.text(),
                    event.reservationId(), event.bookedBalance().amount(), utc(at));
        }
    }

    @EventHandler
    void on(AccountBlocked event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = 'BLOCKED', block_reason = ?", event.reason());
    }

    @EventHandler
    void on(AccountUnblocked event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = 'ACTIVE', block_reason = null");
    }

    @EventHandler
    void on(RecordTypeChangeRequested event, @SequenceNumber long version) {
        update(event.accountId(), version, "pending_record_type = ?", event.requestedRecordType().name());
    }

    @EventHandler
    void on(RecordTypeChanged event, @SequenceNumber long version) {
        update(event.accountId(), version, "record_type = ?, pending_record_type = null", event.recordType().name());
    }

    @EventHandler
    void on(RecordTypeChangeRefused event, @SequenceNumber long version) {
        update(event.accountId(), version, "pending_record_type = null");
    }

    @EventHandler
    void on(AccountClosureRequested event, @SequenceNumber long version) {
        update(event.accountId(), version, "closure_pending = true");
    }

    @EventHandler
    void on(AccountClosed event, @SequenceNumber long version) {
        update(event.accountId(), version, "status = 'CLOSED', closure_pending = false");
    }

    @EventHandler
    void on(AccountClosureRefused event, @SequenceNumber long version) {
        update(event.accountId(), version, "closure_pending = false");
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from posting_view");
        jdbc.update("delete from account_view");
    }

    private int update(String accountId, long version, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = version;
        arguments[values.length + 1] = accountId;
        arguments[values.length + 2] = version;
        return jdbc.update("update account_view set " + assignments + ", version = ? where account_id = ? and version < ?",
                arguments);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
