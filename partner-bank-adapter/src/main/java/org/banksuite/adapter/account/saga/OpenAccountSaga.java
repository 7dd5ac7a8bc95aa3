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
import org.banksuite.money.Currency;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * Opens the suite's account at the core (keyed there by {@code externalId}, the account id, so a repeated opening
 * answers the same account) until the core answers with the account's number or a refusal.
 */
public class OpenAccountSaga extends RetryingSaga {

    static final String ASSOCIATION = "operationId";
    static final String ATTEMPT = "attempt-open-account";

    private Operation operation;
    private Currency currency;
    private String recordType;

    public OpenAccountSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountOpeningRequested event, DeadlineManager deadlines) {
        operation = new Operation(event.operationId(), OperationKind.OPEN_ACCOUNT, event.accountId(), null);
        currency = event.currency();
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
        CoreAnswer<CoreAccountNumber> answer = core.gateway().openAccount(operation, accountId, currency, recordType);
        switch (answer) {
            case CoreAnswer.Done<CoreAccountNumber>(CoreAccountNumber number) ->
                    commands.sendAndWait(new RecordCoreAccountOpened(accountId, number));
            case CoreAnswer.Refused<CoreAccountNumber> refused ->
                    commands.sendAndWait(new RefuseCoreAccountOpening(accountId, refused.reason()));
            default -> retryLater(answer, operation, core.retries(), deadlines, ATTEMPT, operation.id());
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountOpened event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountOpeningRefused event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }
}
