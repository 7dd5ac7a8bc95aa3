package org.banksuite.kit.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;

/**
 * How a db-scheduler execution that failed is tried again: after {@link #FIRST} doubled with each consecutive failure,
 * at most {@link #LONGEST} apart. db-scheduler's one-time and custom tasks otherwise try again only after five
 * minutes, so a deadline (a saga's next attempt at the core, a transfer's timeout) that fired while PostgreSQL was
 * restarting held its saga for five minutes (seen in the chaos run: core operations stuck at one attempt after a
 * {@code kill -9} of PostgreSQL). db-scheduler's own {@code ExponentialBackoffFailureHandler} has no ceiling, which a
 * long outage would turn into hours.
 */
public final class SchedulerRetries {

    /** The first wait after a failure. */
    public static final Duration FIRST = Duration.ofSeconds(1);
    /** The longest wait between two tries. */
    public static final Duration LONGEST = Duration.ofMinutes(1);

    private SchedulerRetries() {
    }

    /** The failure handler: tries again after {@link #FIRST}, doubling up to {@link #LONGEST}. */
    public static <T> FailureHandler<T> soon() {
        return new Soon<>();
    }

    /** When the execution that failed {@code consecutiveFailures} times before this failure is tried again. */
    static Duration waitAfter(int consecutiveFailures) {
        int doublings = Math.min(Math.max(consecutiveFailures, 0), 16);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }

    /**
     * Axon's deadline task ({@link DbSchedulerDeadlineManager#binaryTask}: same name, same data, same execution) with
     * {@link #soon()} as its failure handler instead of db-scheduler's five minutes.
     */
    public static Task<DbSchedulerBinaryDeadlineDetails> axonDeadlineTask(
            Supplier<DbSchedulerDeadlineManager> deadlineManager) {
        Task<DbSchedulerBinaryDeadlineDetails> axon = DbSchedulerDeadlineManager.binaryTask(deadlineManager);
        return Tasks.oneTime(axon.getName(), axon.getDataClass())
                .onFailure(soon())
                .execute((instance, context) -> axon.execute(instance, context));
    }

    private static final class Soon<T> implements FailureHandler<T> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            Instant next = complete.getTimeDone().plus(waitAfter(complete.getExecution().consecutiveFailures));
            operations.reschedule(complete, next);
        }
    }
}
