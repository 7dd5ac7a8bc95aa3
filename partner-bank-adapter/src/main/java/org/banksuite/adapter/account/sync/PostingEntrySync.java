package org.banksuite.adapter.account.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.banksuite.adapter.account.domain.StaleEntryCursorException;
import org.banksuite.adapter.account.query.CoreAccountDirectory;
import org.banksuite.adapter.account.query.SyncTarget;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreAnswer;
import org.banksuite.adapter.core.CoreEntryPage;
import org.banksuite.adapter.core.CoreGateway;
import org.banksuite.adapter.core.CoreRetries;
import org.banksuite.adapter.core.Operation;
import org.banksuite.adapter.core.OperationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.ApplyEntryPage;

/**
 * Fetches an account's new posting entries from the core, page by page, and hands each page to the account with the
 * cursor it was fetched from. The account takes a page only from its current cursor, in one stored batch with the
 * cursor's move, so a page fetched twice (two replicas, a crash between fetch and store) is taken once; the loser
 * stops and the next run continues from where the winner left.
 */
public class PostingEntrySync implements EntriesUpToClosure {

    private static final Logger log = LoggerFactory.getLogger(PostingEntrySync.class);
    private static final int MAX_PAGES_PER_RUN = 20;

    private final CoreAccountDirectory directory;
    private final CoreGateway core;
    private final CommandGateway commands;
    private final CoreRetries retries;
    private final int pageSize;

    public PostingEntrySync(CoreAccountDirectory directory, CoreGateway core, CommandGateway commands,
                            CoreRetries retries, int pageSize) {
        this.directory = directory;
        this.core = core;
        this.commands = commands;
        this.retries = retries;
        this.pageSize = pageSize;
    }

    public SyncOutcome sync(String accountId) {
        Optional<SyncTarget> target = directory.openAccount(accountId);
        if (target.isEmpty()) {
            return SyncOutcome.CAUGHT_UP;
        }
        String cursor = target.get().cursor();
        for (int pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
            Operation fetch = new Operation(UUID.randomUUID().toString(), OperationKind.FETCH_ENTRIES, accountId, null);
            CoreAnswer<CoreEntryPage> answer = core.listEntries(fetch, target.get().number(), cursor, pageSize);
            if (!(answer instanceof CoreAnswer.Done<CoreEntryPage>(CoreEntryPage page))) {
                return notFetched(accountId, answer);
            }
            if (page.entries().isEmpty() && Objects.equals(page.nextCursor(), cursor)) {
                return SyncOutcome.CAUGHT_UP;
            }
            if (!applied(accountId, cursor, page)) {
                return SyncOutcome.CAUGHT_UP;
            }
            cursor = page.nextCursor();
            if (page.entries().size() < pageSize) {
                return SyncOutcome.CAUGHT_UP;
            }
        }
        return SyncOutcome.runAgainAfter(Duration.ZERO);
    }

    /**
     * Unlike the periodic run, it does not stop when another run took a page first: it goes on from the account's own
     * cursor (the view's may lag), until the core has no more entries. A refusal is retried too: the closure waits for
     * its entries rather than going out without them.
     */
    @Override
    public SyncOutcome syncUpToClosure(String accountId, CoreAccountNumber number) {
        String cursor = directory.entryCursor(accountId).orElse(null);
        for (int pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
            Operation fetch = new Operation(UUID.randomUUID().toString(), OperationKind.FETCH_ENTRIES, accountId, null);
            CoreAnswer<CoreEntryPage> answer = core.listEntries(fetch, number, cursor, pageSize);
            if (!(answer instanceof CoreAnswer.Done<CoreEntryPage>(CoreEntryPage page))) {
                Duration wait = retries.waitAfter(answer, 1);
                log.info("Entries of closed account {} not fetched ({}); again in {}", accountId, answer, wait);
                return SyncOutcome.runAgainAfter(wait);
            }
            if (page.entries().isEmpty() && Objects.equals(page.nextCursor(), cursor)) {
                return SyncOutcome.CAUGHT_UP;
            }
            try {
                commands.sendAndWait(new ApplyEntryPage(accountId, cursor, page.entries(), page.nextCursor()));
            } catch (StaleEntryCursorException taken) {
                cursor = taken.currentCursor();
                continue;
            } catch (ConcurrencyException takenByAnother) {
                return SyncOutcome.runAgainAfter(Duration.ZERO);
            }
            cursor = page.nextCursor();
            if (page.entries().size() < pageSize) {
                return SyncOutcome.CAUGHT_UP;
            }
        }
        return SyncOutcome.runAgainAfter(Duration.ZERO);
    }

    private boolean applied(String accountId, String cursor, CoreEntryPage page) {
        try {
            commands.sendAndWait(new ApplyEntryPage(accountId, cursor, page.entries(), page.nextCursor()));
            return true;
        } catch (StaleEntryCursorException | ConcurrencyException takenByAnother) {
            log.debug("Entries of {} after {} were taken by another run", accountId, cursor);
            return false;
        }
    }

    private SyncOutcome notFetched(String accountId, CoreAnswer<CoreEntryPage> answer) {
        if (answer instanceof CoreAnswer.Refused<?> refused) {
            log.warn("The core refused the entries of account {}: {}", accountId, refused.reason());
            return SyncOutcome.CAUGHT_UP;
        }
        Duration wait = retries.waitAfter(answer, 1);
        log.info("Entries of account {} not fetched ({}); again in {}", accountId, answer, wait);
        return SyncOutcome.runAgainAfter(wait);
    }
}
