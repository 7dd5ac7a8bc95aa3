package org.banksuite.adapter.core;

import java.time.Duration;
import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sagas that call the core share. Every call to the core is made in a deadline handler, never in an event
 * handler: the first attempt is a deadline due at once, and an answer that is not final schedules the next attempt as
 * a durable deadline (never a sleep or a loop) at the time {@link CoreRetries} says. So a slow core never holds up the
 * saga's event processor, and an attempt that fails in the adapter itself (its database, a command refused) fails only
 * its own deadline, which db-scheduler retries later, instead of halting every saga behind it: Axon has no dead-letter
 * queue for sagas. The saga keeps only the count of failures in a row and the pending deadline; past the overdue mark
 * every further retry is logged as a warning.
 *
 * <p>A saga calls the core inside its event or deadline handler; if the process dies after the call and before the
 * saga's new state is stored, the handler runs again and calls again. That is safe only because every core operation
 * is keyed at the core (see {@link CoreGateway}).
 */
public abstract class RetryingSaga {

    private static final Logger log = LoggerFactory.getLogger(RetryingSaga.class);

    protected int failures;
    protected String retryDeadline;

    protected void attemptNow(DeadlineManager deadlines, String deadlineName, Object payload) {
        retryDeadline = deadlines.schedule(Duration.ZERO, deadlineName, payload);
    }

    protected void retryLater(CoreAnswer<?> answer, Operation operation, CoreRetries retries,
                              DeadlineManager deadlines, String deadlineName, Object payload) {
        failures++;
        Duration wait = retries.waitAfter(answer, failures);
        if (retries.overdue(failures)) {
            log.warn("{} {} still not done after {} attempts ({}); next attempt in {}", operation.kind(),
                    operation.id(), failures, answer, wait);
        }
        retryDeadline = deadlines.schedule(wait, deadlineName, payload);
    }

    protected void cancelRetry(DeadlineManager deadlines, String deadlineName) {
        if (retryDeadline != null) {
            deadlines.cancelSchedule(deadlineName, retryDeadline);
            retryDeadline = null;
        }
    }
}
