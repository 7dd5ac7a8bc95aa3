package org.banksuite.adapter.account.saga;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.Operation;
import org.banksuite.adapter.core.OperationKind;
import org.banksuite.adapter.core.RetryingSaga;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * Changes the account's record type at the core (setting the same type twice is harmless there) until the core
 * confirms or refuses (404, 409, 422).
 */
public class RecordTypeChangeSaga extends RetryingSaga {

    static final String ASSOCIATION = "operationId";
    static final String ATTEMPT = "attempt-change-record-type";

    private Operation operation;
    private CoreAccountNumber number;
    private String recordType;

    public RecordTypeChangeSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreRecordTypeChangeRequested event, DeadlineManager deadlines) {
        operation = new Operation(event.operationId(), OperationKind.CHANGE_RECORD_TYPE, event.accountId(), null);
        number = event.number();
        recordType = event.recordType();
        attemptNow(deadlines, ATTEMPT, operation.id());
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    void onAttemptDue(String operationId, CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        retryDeadline = null;
        callCore(core, commands, deadlines);
    }

    private void callCore(CoreAccess core, CommandGateway commands, DeadlineManager deadlines) {
        String accountId = operation.accountId();
        CoreAnswer<Void> answer = core.gateway().changeRecordType(operation, number, recordType);
        switch (answer) {
            case CoreAnswer.Done<Void> done -> commands.sendAndWait(new RecordCoreRecordTypeChanged(accountId, recordType));
            case CoreAnswer.Refused<Void> refused ->
                    commands.sendAndWait(new RefuseCoreRecordTypeChange(accountId, recordType, refused.reason()));
            default -> retryLater(answer, operation, core.retries(), deadlines, ATTEMPT, operation.id());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreRecordTypeChanged event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreRecordTypeChangeRefused event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }
}
