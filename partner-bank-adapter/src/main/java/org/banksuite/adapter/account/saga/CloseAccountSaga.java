package org.banksuite.adapter.account.saga;

import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.banksuite.adapter.account.sync.EntriesUpToClosure;
import org.banksuite.adapter.account.sync.SyncOutcome;
import org.banksuite.adapter.core.CoreAccess;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.Operation;
import org.banksuite.adapter.core.OperationKind;
import org.banksuite.adapter.core.RetryingSaga;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;
import static org.banksuite.adapter.account.domain.CoreAccountEvent.*;

/**
 * Closes the account at the core until the core confirms or refuses (a 404, or a 409 such as a balance that is not
 * zero). Closing a closed account is answered as closed by the core, so a repeat is harmless. Once closed there, the
 * account's entries up to the closure are taken before the closure is recorded.
 */
public class CloseAccountSaga extends RetryingSaga {

    static final String ASSOCIATION = "operationId";
    static final String ATTEMPT = "attempt-close-account";

    private Operation operation;
    private CoreAccountNumber number;
    /** The core answered that the account is closed; what is left is to take its entries up to the closure. */
    private boolean closedAtCore;

    public CloseAccountSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountClosureRequested event, DeadlineManager deadlines) {
        operation = new Operation(event.operationId(), OperationKind.CLOSE_ACCOUNT, event.accountId(), null);
        number = event.number();
        attemptNow(deadlines, ATTEMPT, operation.id());
    }

    @DeadlineHandler(deadlineName = ATTEMPT)
    void onAttemptDue(String operationId, CoreAccess core, EntriesUpToClosure entries, CommandGateway commands,
                      DeadlineManager deadlines) {
        retryDeadline = null;
        if (closedAtCore) {
            recordClosureAfterItsEntries(core, entries, commands, deadlines);
            return;
        }
        callCore(core, entries, commands, deadlines);
    }

    private void callCore(CoreAccess core, EntriesUpToClosure entries, CommandGateway commands,
                          DeadlineManager deadlines) {
        CoreAnswer<Void> answer = core.gateway().closeAccount(operation, number);
        switch (answer) {
            case CoreAnswer.Done<Void> done -> {
                closedAtCore = true;
                failures = 0;
                recordClosureAfterItsEntries(core, entries, commands, deadlines);
            }
            case CoreAnswer.Refused<Void> refused ->
                    commands.sendAndWait(new RefuseCoreAccountClosure(operation.accountId(), refused.reason()));
            default -> retryLater(answer, operation, core.retries(), deadlines, ATTEMPT, operation.id());
        }
    }

    /**
     * The entries the core booked up to the closure are taken first, so that they precede {@code CoreAccountClosed}
     * on the account's partition and accounts-service books them before it confirms the closure (issue 12, point 5).
     * When the core does not hand them over yet, the closure waits: the next attempt only takes the entries, after
     * what the core asked for or the back-off of the failures in a row, whichever is longer (a page limit reached is
     * no failure: it continues at once).
     */
    private void recordClosureAfterItsEntries(CoreAccess core, EntriesUpToClosure entries, CommandGateway commands,
                                              DeadlineManager deadlines) {
        SyncOutcome synced = entries.syncUpToClosure(operation.accountId(), number);
        if (synced.caughtUp()) {
            commands.sendAndWait(new RecordCoreAccountClosed(operation.accountId()));
            return;
        }
        Duration wait = synced.runAgainAfter();
        if (!wait.isZero()) {
            failures++;
            Duration backoff = core.retries().backoff(failures);
            wait = backoff.compareTo(wait) > 0 ? backoff : wait;
        }
        retryDeadline = deadlines.schedule(wait, ATTEMPT, operation.id());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountClosed event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CoreAccountClosureRefused event, DeadlineManager deadlines) {
        cancelRetry(deadlines, ATTEMPT);
    }
}
