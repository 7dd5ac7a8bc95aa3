package org.banksuite.adapter.account.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * The adapter's record of the accounts it opened at the core: status, core number and entry cursor, one row per
 * account. {@code version} is the sequence number of the last event applied, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(CoreAccountProjection.PROCESSING_GROUP)
class CoreAccountProjection {

    static final String PROCESSING_GROUP = "core-account-projection";

    private final JdbcTemplate jdbc;

    CoreAccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CoreAccountOpeningRequested event, @SequenceNumber long version) {
        jdbc.update("""
                insert into core_account_view (account_id, status, version) values (?, 'OPENING', ?)
                on conflict do nothing""", event.accountId(), version);
    }

    @EventHandler
    void on(CoreAccountOpened event, @SequenceNumber long version) {
        jdbc.update("""
                update core_account_view set status = 'OPEN', registration_number = ?, account_number = ?, version = ?
                where account_id = ? and version < ?""", event.number().registrationNumber(),
                event.number().accountNumber(), version, event.accountId(), version);
    }

    @EventHandler
    void on(CoreAccountOpeningRefused event, @SequenceNumber long version) {
        status(event.accountId(), "REFUSED", version);
    }

    @EventHandler
    void on(CoreAccountClosed event, @SequenceNumber long version) {
        status(event.accountId(), "CLOSED", version);
    }

    @EventHandler
    void on(EntryCursorAdvanced event, @SequenceNumber long version) {
        jdbc.update("update core_account_view set entry_cursor = ?, version = ? where account_id = ? and version < ?",
                event.cursor(), version, event.accountId(), version);
    }

    private void status(String accountId, String status, long version) {
        jdbc.update("update core_account_view set status = ?, version = ? where account_id = ? and version < ?",
                status, version, accountId, version);
    }
}
