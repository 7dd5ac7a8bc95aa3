package org.banksuite.transfers.transfer.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.banksuite.transfers.transfer.domain.TransferEvent.*;

/**
 * Keeps {@code transfer_view} in step with the transfers' events. Every change is guarded by the event's sequence
 * number ({@code version < ?}), so an event delivered again after a crash or a replay changes nothing. A transfer
 * enters the view, and takes its place in its accounts' lists, with its first event: scheduled or requested.
 */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

    public static final String PROCESSING_GROUP = "transfer-projection";

    private final JdbcTemplate jdbc;

    TransferProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        insert(event.transferId(), TransferStatus.SCHEDULED, event.debtorAccountId(), event.creditor(),
                event.amount(), event.debtorText(), event.creditorText(), event.executionDate(), at, version);
    }

    /** A transfer due now enters the view; a scheduled one, whose date has come, only changes its status. */
    @EventHandler
    void on(TransferRequested event, @SequenceNumber long version, @Timestamp Instant at) {
        insert(event.transferId(), TransferStatus.REQUESTED, event.debtorAccountId(), event.creditor(),
                event.amount(), event.debtorText(), event.creditorText(), event.executionDate(), at, version);
    }

    @EventHandler
    void on(TransferFundsReserved event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = 'FUNDS_RESERVED'");
    }

    @EventHandler
    void on(TransferSubmitted event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = 'SUBMITTED'");
    }

    @EventHandler
    void on(TransferBooked event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = 'BOOKED', core_reference = ?", event.coreReference());
    }

    @EventHandler
    void on(TransferRejected event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = 'REJECTED', rejection_reason = ?, rejection_detail = ?",
                event.reason().name(), event.detail());
    }

    /** Changes nothing a reader sees but the version, which then names the last event applied. */
    @EventHandler
    void on(TransferCoreAnswerOverdue event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = status");
    }

    /** Changes nothing a reader sees but the version, which then names the last event applied. */
    @EventHandler
    void on(TransferResolutionRequested event, @SequenceNumber long version) {
        update(event.transferId(), version, "status = status");
    }

    /** Forgets every transfer; list positions start again, so a replay gives the transfers the positions they had. */
    @ResetHandler
    void reset() {
        jdbc.update("truncate transfer_view restart identity");
    }

    private void insert(String transferId, TransferStatus status, String debtorAccountId, Creditor creditor,
                        Money amount, String debtorText, String creditorText,
                        LocalDate executionDate, Instant at, long version) {
        jdbc.update("""
                insert into transfer_view (transfer_id, status, debtor_account_id, creditor_account_id,
                                           creditor_registration_number, creditor_account_number, amount, currency,
                                           debtor_text, creditor_text, execution_date, requested_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (transfer_id) do update set status = excluded.status, version = excluded.version
                where transfer_view.version < excluded.version""",
                transferId, status.name(), debtorAccountId, creditor.accountId(), creditor.registrationNumber(),
                creditor.accountNumber(), amount.amount(), amount.currency().name(), debtorText, creditorText,
                executionDate, utc(at), version);
    }

    private void update(String transferId, long version, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = version;
        arguments[values.length + 1] = transferId;
        arguments[values.length + 2] = version;
        jdbc.update("update transfer_view set " + assignments + ", version = ? where transfer_id = ? and version < ?",
                arguments);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
