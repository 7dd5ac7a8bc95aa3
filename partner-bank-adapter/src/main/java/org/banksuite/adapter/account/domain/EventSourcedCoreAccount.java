package org.banksuite.adapter.account.domain;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.banksuite.adapter.core.CoreAccountNumber;

import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/** The state of a {@link CoreAccount}, as its events leave it; the decisions are in the subclass. */
public abstract class EventSourcedCoreAccount {

    @AggregateIdentifier
    protected String accountId;
    protected CoreAccountStatus status;
    protected CoreAccountNumber number;
    protected String recordType;
    protected String openingOperation;
    /** The operation id of the closure the core has not answered yet. */
    protected String pendingClosure;
    protected String pendingRecordType;
    protected String pendingRecordTypeOperation;
    protected String entryCursor;

    @EventSourcingHandler
    void on(CoreAccountOpeningRequested event) {
        accountId = event.accountId();
        status = CoreAccountStatus.OPENING;
        recordType = event.recordType();
        openingOperation = event.operationId();
    }

    @EventSourcingHandler
    void on(CoreAccountOpened event) {
        status = CoreAccountStatus.OPEN;
        number = event.number();
    }

    @EventSourcingHandler
    void on(CoreAccountOpeningRefused event) {
        status = CoreAccountStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(CoreAccountClosureRequested event) {
        pendingClosure = event.operationId();
    }

    @EventSourcingHandler
    void on(CoreAccountClosed event) {
        pendingClosure = null;
        status = CoreAccountStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CoreAccountClosureRefused event) {
        pendingClosure = null;
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChangeRequested event) {
        pendingRecordType = event.recordType();
        pendingRecordTypeOperation = event.operationId();
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChanged event) {
        pendingRecordType = null;
        pendingRecordTypeOperation = null;
        recordType = event.recordType();
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChangeRefused event) {
        pendingRecordType = null;
        pendingRecordTypeOperation = null;
    }

    @EventSourcingHandler
    void on(EntryCursorAdvanced event) {
        entryCursor = event.cursor();
    }
}
