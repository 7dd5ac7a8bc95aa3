package org.banksuite.transfers.account.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountBlocked;
import org.banksuite.events.accounts.v1.AccountClosed;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.AccountOpeningRejected;
import org.banksuite.events.accounts.v1.AccountUnblocked;
import org.banksuite.kit.inbox.InboundEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code account_replica} in step with accounts-service's events, as the inbox stored them in this service's
 * event store. The order of one account's events is their {@code ce_sequence} (kept in metadata under
 * {@link InboundEvents#SEQUENCE}): every change is guarded by it ({@code version < ?}), so an event delivered again,
 * replayed by support or arriving after a later one changes nothing it should not. Only the opening names the
 * currency and the owner ({@code customer_id}, who alone may send from the account and see its transfers), only the
 * activation the core number; the other events change the status. Currency and owner, once known, never change.
 */
@Component
@ProcessingGroup(AccountReplicaProjection.PROCESSING_GROUP)
public class AccountReplicaProjection {

    public static final String PROCESSING_GROUP = "account-replica";

    private final JdbcTemplate jdbc;

    AccountReplicaProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpened event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        long version = version(sequence, event.accountId());
        jdbc.update("""
                insert into account_replica (account_id, currency, customer_id, status, version)
                values (?, ?, ?, 'PENDING_ACTIVATION', ?)
                on conflict (account_id) do update set currency = excluded.currency, customer_id = excluded.customer_id
                where account_replica.currency is null""",
                event.accountId(), event.currency(), event.customerId(), version);
    }

    @EventHandler
    void on(AccountActivated event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        status(event.accountId(), "ACTIVE", sequence);
        // an account's core number never changes once given, so it is kept whatever the order of the events
        jdbc.update("update account_replica set registration_number = ?, account_number = ? where account_id = ?",
                event.registrationNumber(), event.accountNumber(), event.accountId());
    }

    @EventHandler
    void on(AccountOpeningRejected event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        status(event.accountId(), "REJECTED", sequence);
    }

    @EventHandler
    void on(AccountBlocked event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        status(event.accountId(), "BLOCKED", sequence);
    }

    @EventHandler
    void on(AccountUnblocked event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        status(event.accountId(), "ACTIVE", sequence);
    }

    @EventHandler
    void on(AccountClosed event, @MetaDataValue(InboundEvents.SEQUENCE) String sequence) {
        status(event.accountId(), "CLOSED", sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from account_replica");
    }

    /** The status of a later event wins; one seen before its account's opening waits there for the currency. */
    private void status(String accountId, String status, String sequence) {
        jdbc.update("""
                insert into account_replica (account_id, currency, status, version) values (?, null, ?, ?)
                on conflict (account_id) do update set status = excluded.status, version = excluded.version
                where account_replica.version < excluded.version""",
                accountId, status, version(sequence, accountId));
    }

    private static long version(String sequence, String accountId) {
        if (sequence == null) {
            throw new IllegalStateException("an event of account " + accountId + " carries no "
                    + InboundEvents.SEQUENCE + ": its order among the account's events is unknown");
        }
        return Long.parseLong(sequence);
    }
}
