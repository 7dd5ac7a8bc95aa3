package org.banksuite.adapter.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's db-scheduler deadline manager that runs a deadline due now at once instead of at db-scheduler's next poll.
 * <p>
 * Why: the sagas attempt every core operation through a deadline ({@code attemptNow}), so that an attempt survives a
 * crash; db-scheduler picks due deadlines up only at its polling interval, which cost every payment and account
 * opening half a second on average. A deadline due now (or in the past) asks the scheduler to look for due executions
 * once the unit of work that scheduled it has committed: the saga that will handle it is stored by then (a deadline
 * run earlier would find no saga and be dropped). Later deadlines, and everything else, are Axon's as they were; the
 * poll still runs every deadline a prompt look missed.
 */
class PromptDeadlineManager extends DbSchedulerDeadlineManager {

    private final Scheduler scheduler;
    private final Clock clock;

    /**
     * @param builder   Axon's builder, complete
     * @param scheduler the db-scheduler the builder was given
     * @param clock     the clock that says what is due now (UTC)
     */
    PromptDeadlineManager(Builder builder, Scheduler scheduler, Clock clock) {
        super(builder);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String id = super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        if (!triggerDateTime.isAfter(clock.instant())) {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> scheduler.triggerCheckForDueExecutions());
            } else {
                scheduler.triggerCheckForDueExecutions();
            }
        }
        return id;
    }
}
