package org.banksuite.bench.reference;

import java.util.List;

/**
 * What one internal transfer commits in the suite's databases, as the ceiling replays it: each {@link Commit} kind is
 * one database transaction of a kind the suite runs, with the statements it runs, and how many of it one transfer
 * causes over all services. Where the counts come from is in the module README ("The PostgreSQL ceiling"): the events
 * a transfer leaves in each service's event store, counted on a running stack, and the code that writes them.
 */
final class SuiteSqlPattern {

    /** The processors whose tokens the handler commits move (16 segments each, as the suite's pooled processors). */
    static final String[] PROCESSORS = {"projection", "publisher", "saga", "inbound", "reconciliation"};

    /** db-scheduler's commits per transfer (the adapter wrote about 11 {@code scheduled_tasks} updates per transfer). */
    static final int SCHEDULER_STEPS = 11;

    /** The kinds of commit, each with its statements. */
    enum Commit {
        /** transfers-service's POST: claims the Idempotency-Key (service-kit {@code IdempotencyStore}). */
        IDEMPOTENCY_CLAIM,
        /** The request's command: loads the (new) aggregate, appends {@code TransferRequested}. */
        REQUEST_APPEND,
        /** The POST's answer kept for a retry with the same key. */
        IDEMPOTENCY_COMPLETE,
        /** A Kafka record kept in a consuming service's store: exists-by-eventidentifier, then the append
         * (service-kit {@code InboundInbox}). */
        INBOX_APPEND,
        /** An inbound or saga handler's command: DLQ check, aggregate load (snapshot, events), append, token. */
        HANDLER_COMMAND,
        /** A projection handler: DLQ check, the view row upserted, token. */
        PROJECTION,
        /** A publisher handler (the Kafka send is outside the database): DLQ check, token; the adapter's also keeps
         * the {@code ce_sequence} it gave ({@code published_event}). */
        PUBLICATION,
        /** A saga handler: association lookup, saga load and store, its deadline moved (db-scheduler's
         * {@code scheduled_tasks}: scheduled at the start, cancelled and scheduled again, cancelled at the end), token. */
        SAGA,
        /** db-scheduler schedules, picks or completes a task in its own transaction (the adapter's attempts and polls). */
        SCHEDULER,
        /** The adapter's operation log: a core call begun (insert), then its attempt and outcome (insert, update). */
        CORE_OPERATION_LOG,
        /** The simulator books the payment: both core balances and two core entries. */
        CORE_PAYMENT,
        /** The proxy takes one unit of quota per core call (the payment, the entries fetch). */
        QUOTA,
        /** reconciliation-service consumes one integration event: dedup row and its position updated. */
        RECONCILIATION
    }

    /**
     * @param commit       the kind
     * @param perTransfer  how many of it one transfer causes
     * @param publishedSeq for {@link Commit#PUBLICATION}: how many of them also insert a {@code published_event} row
     */
    record Step(Commit commit, int perTransfer, int publishedSeq) {
    }

    /** The per-transfer pattern, in the order a transfer meets it. */
    static final List<Step> STEPS = List.of(
            new Step(Commit.IDEMPOTENCY_CLAIM, 1, 0),
            new Step(Commit.REQUEST_APPEND, 1, 0),
            new Step(Commit.IDEMPOTENCY_COMPLETE, 1, 0),
            new Step(Commit.INBOX_APPEND, 22, 0),
            new Step(Commit.HANDLER_COMMAND, 12, 0),
            new Step(Commit.PROJECTION, 9, 0),
            new Step(Commit.PUBLICATION, 11, 4),
            new Step(Commit.SAGA, 5, 0),
            new Step(Commit.SCHEDULER, SCHEDULER_STEPS, 0),
            new Step(Commit.CORE_OPERATION_LOG, 4, 0),
            new Step(Commit.CORE_PAYMENT, 1, 0),
            new Step(Commit.QUOTA, 2, 0),
            new Step(Commit.RECONCILIATION, 11, 0));

    /** Commits per transfer: the sum of {@link #STEPS}. */
    static final int COMMITS_PER_TRANSFER = STEPS.stream().mapToInt(Step::perTransfer).sum();

    private SuiteSqlPattern() {
    }
}
