package org.banksuite.adapter.account.web;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.banksuite.adapter.account.query.CoreAccountDirectory;
import org.banksuite.adapter.account.sync.EntrySyncTasks;
import org.banksuite.adapter.api.PostingEntrySyncApi;
import org.banksuite.adapter.api.model.PostingEntrySyncAccepted;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A posting-entry sync on demand: scheduled at once, run by whichever replica picks it up. */
@RestController
class PostingEntrySyncController implements PostingEntrySyncApi {

    private final CoreAccountDirectory directory;
    private final EntrySyncTasks tasks;
    private final SchedulerClient scheduler;

    PostingEntrySyncController(CoreAccountDirectory directory, EntrySyncTasks tasks, SchedulerClient scheduler) {
        this.directory = directory;
        this.tasks = tasks;
        this.scheduler = scheduler;
    }

    @Override
    public ResponseEntity<PostingEntrySyncAccepted> syncPostingEntries(String accountId) {
        if (directory.openAccount(accountId).isEmpty()) {
            throw new CoreAccountNotOpenForSyncException(accountId);
        }
        tasks.schedule(scheduler, accountId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(
                new PostingEntrySyncAccepted(accountId, PostingEntrySyncAccepted.StatusEnum.SCHEDULED));
    }
}
