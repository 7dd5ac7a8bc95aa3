package org.banksuite.adapter.account.domain;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.banksuite.adapter.core.CoreEntry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;
import static org.banksuite.adapter.account.domain.CoreAccountStatus.*;

/**
 * A suite account as the core knows it: whether it is open there and under which number, the operations on it the
 * core has not answered yet, and how far its posting entries were fetched. Requests and answers that come twice, or
 * late, change nothing, so redelivered messages and sagas retried after a crash are harmless. A closure or record-type
 * change request that accounts-service numbered ({@code requestId}) is handled once: a request with an id not newer
 * than the newest of its kind already handled is a replay (or a redelivery) and changes nothing, so a replay never
 * repeats an operation at the core; each answer echoes the id of the request it answers. The entry cursor moves
 * in the same stored batch as the entries it covers, so an entry is taken once, however often it is fetched.
 */
public class CoreAccount extends EventSourcedCoreAccount {

    static final String NOT_OPEN = "CORE_ACCOUNT_NOT_OPEN";
    static final String CHANGE_IN_PROGRESS = "RECORD_TYPE_CHANGE_IN_PROGRESS";

    protected CoreAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenCoreAccount command) {
        if (status == null) {
            apply(new CoreAccountOpeningRequested(command.accountId(), newOperationId(), command.currency(),
                    command.recordType()));
        }
    }

    @CommandHandler
    public void handle(RecordCoreAccountOpened command) {
        if (status == OPENING) {
            apply(new CoreAccountOpened(accountId, openingOperation, command.number()));
        }
    }

    @CommandHandler
    public void handle(RefuseCoreAccountOpening command) {
        if (status == OPENING) {
            apply(new CoreAccountOpeningRefused(accountId, openingOperation, command.reason()));
        }
    }

    /**
     * A closure of an account closed before is answered again, so that the asker hears it was closed; a closure
     * request handled before (a replay) is not.
     */
    @CommandHandler
    public void handle(CloseCoreAccount command) {
        if (pendingClosure != null || handledBefore(command.requestId(), lastClosureRequest)) {
            return;
        }
        Long request = command.requestId();
        switch (status) {
            case OPEN -> apply(new CoreAccountClosureRequested(accountId, newOperationId(), number, request));
            case CLOSED -> apply(new CoreAccountClosed(accountId, newOperationId(), request));
            case OPENING, REFUSED -> apply(new CoreAccountClosureRefused(accountId, newOperationId(),
                    NOT_OPEN + ": the account is " + status + " at the core", request));
        }
    }

    @CommandHandler
    public void handle(RecordCoreAccountClosed command) {
        if (pendingClosure != null) {
            apply(new CoreAccountClosed(accountId, pendingClosure, pendingClosureRequest));
        }
    }

    @CommandHandler
    public void handle(RefuseCoreAccountClosure command) {
        if (pendingClosure != null) {
            apply(new CoreAccountClosureRefused(accountId, pendingClosure, command.reason(), pendingClosureRequest));
        }
    }

    @CommandHandler
    public void handle(ChangeCoreRecordType command) {
        if (command.recordType().equals(pendingRecordType)
                || handledBefore(command.requestId(), lastRecordTypeRequest)) {
            return;
        }
        Long request = command.requestId();
        if (status != OPEN) {
            apply(new CoreRecordTypeChangeRefused(accountId, newOperationId(), command.recordType(),
                    NOT_OPEN + ": the account is " + status + " at the core", request));
        } else if (pendingRecordType != null) {
            apply(new CoreRecordTypeChangeRefused(accountId, newOperationId(), command.recordType(),
                    CHANGE_IN_PROGRESS + ": the change to " + pendingRecordType + " is not answered yet", request));
        } else {
            apply(new CoreRecordTypeChangeRequested(accountId, newOperationId(), number, command.recordType(),
                    request));
        }
    }

    @CommandHandler
    public void handle(RecordCoreRecordTypeChanged command) {
        if (command.recordType().equals(pendingRecordType)) {
            apply(new CoreRecordTypeChanged(accountId, pendingRecordTypeOperation, command.recordType(),
                    pendingRecordTypeRequest));
        }
    }

    @CommandHandler
    public void handle(RefuseCoreRecordTypeChange command) {
        if (command.recordType().equals(pendingRecordType)) {
            apply(new CoreRecordTypeChangeRefused(accountId, pendingRecordTypeOperation, command.recordType(),
                    command.reason(), pendingRecordTypeRequest));
        }
    }

    @CommandHandler
    public void handle(ApplyEntryPage command) {
        if (number == null) {
            throw new CoreAccountNotOpenException(accountId, status);
        }
        if (!Objects.equals(command.fromCursor(), entryCursor)) {
            throw new StaleEntryCursorException(accountId, command.fromCursor(), entryCursor);
        }
        for (CoreEntry entry : command.entries()) {
            apply(new CorePostingEntryFetched(accountId, entry.entryId(), entry.amount(), textOf(entry),
                    entry.paymentKey(), entry.bookedAt()));
        }
        if (!Objects.equals(command.nextCursor(), entryCursor)) {
            apply(new EntryCursorAdvanced(accountId, command.nextCursor()));
        }
    }

    /** A request without an id (published before requests had ids) cannot be told apart, so it is never a replay. */
    private static boolean handledBefore(Long requestId, Long newestHandled) {
        return requestId != null && newestHandled != null && requestId <= newestHandled;
    }

    private static String textOf(CoreEntry entry) {
        return entry.text() == null ? "" : entry.text();
    }

    private static String newOperationId() {
        return UUID.randomUUID().toString();
    }
}
