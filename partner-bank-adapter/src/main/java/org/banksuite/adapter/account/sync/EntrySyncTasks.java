package org.banksuite.adapter.account.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.banksuite.adapter.account.query.CoreAccountDirectory;
import org.banksuite.kit.scheduling.SchedulerRetries;

/**
 * The entry sync as db-scheduler tasks, so each runs on one replica at a time: {@code sync-posting-entries} every
 * {@code interval} schedules a {@code sync-account-entries} run per open account, and a run that was told to wait
 * (429, 503) or has more to fetch reschedules itself for then. A run already scheduled for an account is not
 * scheduled twice.
 */
public class EntrySyncTasks {

    static final String SYNC_ALL = "sync-posting-entries";
    static final String SYNC_ACCOUNT = "sync-account-entries";

    private final CustomTask<Void> syncAccount;
    private final RecurringTask<Void> syncAll;

    public EntrySyncTasks(Supplier<PostingEntrySync> sync, Supplier<CoreAccountDirectory> directory,
                          Duration interval) {
        syncAccount = Tasks.custom(SYNC_ACCOUNT, Void.class).onFailure(SchedulerRetries.<Void>soon()).execute((instance, context) -> {
            SyncOutcome outcome = sync.get().sync(instance.getId());
            return (complete, operations) -> {
                if (outcome.caughtUp()) {
                    operations.remove();
                } else {
                    operations.reschedule(complete, Instant.now().plus(outcome.runAgainAfter()));
                }
            };
        });
        syncAll = Tasks.recurring(SYNC_ALL, FixedDelay.of(interval)).execute((instance, context) ->
                directory.get().openAccountIds().forEach(accountId ->
                        schedule(context.getSchedulerClient(), accountId)));
    }

    /** Asks for a sync of the account now, unless one is scheduled already. */
    public void schedule(SchedulerClient scheduler, String accountId) {
        scheduler.scheduleIfNotExists(syncAccount.instance(accountId), Instant.now());
    }

    public CustomTask<Void> syncAccountTask() {
        return syncAccount;
    }

    public RecurringTask<Void> syncAllTask() {
        return syncAll;
    }
}
