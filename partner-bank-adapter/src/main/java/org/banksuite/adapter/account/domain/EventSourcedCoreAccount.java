package org.banksuite.adapter.account.domain;

import java.util.Objects;
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
    /** The request id of the pending closure, echoed in its answer. */
    protected Long pendingClosureRequest;
    /** The newest closure request handled (started or answered); older and equal ones are replays. */
    protected Long lastClosureRequest;
    protected String pendingRecordType;
    protected String pendingRecordTypeOperation;
    protected Long pendingRecordTypeRequest;
    /** The newest record-type change request handled; older and equal ones are replays. */
    protected Long lastRecordTypeRequest;
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
        pendingClosureRequest = event.requestId();
        lastClosureRequest = newest(lastClosureRequest, event.requestId());
    }

    @EventSourcingHandler
    void on(CoreAccountClosed event) {
        pendingClosure = null;
        pendingClosureRequest = null;
        lastClosureRequest = newest(lastClosureRequest, event.requestId());
        status = CoreAccountStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CoreAccountClosureRefused event) {
        pendingClosure = null;
        pendingClosureRequest = null;
        lastClosureRequest = newest(lastClosureRequest, event.requestId());
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChangeRequested event) {
        pendingRecordType = event.recordType();
        pendingRecordTypeOperation = event.operationId();
        pendingRecordTypeRequest = event.requestId();
        lastRecordTypeRequest = newest(lastRecordTypeRequest, event.requestId());
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChanged event) {
        pendingRecordType = null;
        pendingRecordTypeOperation = null;
        pendingRecordTypeRequest = null;
        lastRecordTypeRequest = newest(lastRecordTypeRequest, event.requestId());
        recordType = event.recordType();
    }

    @EventSourcingHandler
    void on(CoreRecordTypeChangeRefused event) {
        if (Objects.equals(event.operationId(), pendingRecordTypeOperation)) {
            pendingRecordType = null;
            pendingRecordTypeOperation = null;
            pendingRecordTypeRequest = null;
        }
        lastRecordTypeRequest = newest(lastRecordTypeRequest, event.requestId());
    }

    @EventSourcingHandler
    void on(EntryCursorAdvanced event) {
        entryCursor = event.cursor();
    }

    private static Long newest(Long handled, Long requestId) {
        if (requestId == null) {
            return handled;
        }
        return handled == null ? requestId : Math.max(handled, requestId);
    }
}
