package org.banksuite.accounts.account.domain;

import java.time.Instant;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.banksuite.money.Currency;

import static org.banksuite.accounts.account.domain.AccountEvent.*;
import static org.banksuite.accounts.account.domain.AccountStatus.*;

/**
 * What an {@link Account} remembers of its events, and nothing else: the event-sourcing handlers only assign
 * state. The decisions are the {@link Account}'s.
 */
public abstract class EventSourcedAccount {

    @AggregateIdentifier
    String accountId;
    /** The owner; null only in a snapshot taken before it was kept, which {@link Account}'s revision ignores. */
    String customerId;
    Currency currency;
    RecordType recordType;
    AccountStatus status;
    RecordType pendingRecordType;
    /** The id of the pending record-type change; null also for one pending in a snapshot taken before ids. */
    String pendingRecordTypeRequest;
    boolean closurePending;
    /** The id of the pending closure; null also for one pending in a snapshot taken before ids. */
    String pendingClosureRequest;
    String registrationNumber;
    String accountNumber;
    Ledger ledger;

    AccountState state() {
        Long version = AggregateLifecycle.getVersion(); // the last applied event's sequence, this command's included
        return new AccountState(accountId, status, pendingRecordType, closurePending, version == null ? 0 : version);
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        customerId = event.customerId();
        currency = event.currency();
        recordType = event.recordType();
        status = PENDING_ACTIVATION;
        ledger = new Ledger(event.currency());
    }

    @EventSourcingHandler
    void on(AccountActivated event) {
        status = ACTIVE;
        registrationNumber = event.registrationNumber();
        accountNumber = event.accountNumber();
    }

    @EventSourcingHandler
    void on(AccountOpeningRejected event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(FundsReserved event) {
        ledger.reserve(event.reservationId(), event.amount());
    }

    @EventSourcingHandler
    void on(FundsReservationDeclined event, @Timestamp Instant at) {
        ledger.decline(event.reservationId(), at);
    }

    @EventSourcingHandler
    void on(ReservationReleased event, @Timestamp Instant at) {
        ledger.release(event.reservationId(), at);
    }

    @EventSourcingHandler
    void on(PostingBooked event, @Timestamp Instant at) {
        ledger.book(event.postingId(), event.amount(), event.reservationId(), at);
    }

    @EventSourcingHandler
    void on(AccountBlocked event) {
        status = BLOCKED;
    }

    @EventSourcingHandler
    void on(AccountUnblocked event) {
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(RecordTypeChangeRequested event, @SequenceNumber long sequence) {
        pendingRecordType = event.requestedRecordType();
        pendingRecordTypeRequest = AccountEvent.requestId(sequence);
    }

    @EventSourcingHandler
    void on(RecordTypeChanged event) {
        recordType = event.recordType();
        pendingRecordType = null;
        pendingRecordTypeRequest = null;
    }

    @EventSourcingHandler
    void on(RecordTypeChangeRefused event) {
        pendingRecordType = null;
        pendingRecordTypeRequest = null;
    }

    @EventSourcingHandler
    void on(AccountClosureRequested event, @SequenceNumber long sequence) {
        closurePending = true;
        pendingClosureRequest = AccountEvent.requestId(sequence);
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        status = CLOSED;
        closurePending = false;
        pendingClosureRequest = null;
    }

    @EventSourcingHandler
    void on(AccountClosureRefused event) {
        closurePending = false;
        pendingClosureRequest = null;
    }
}
