package org.banksuite.kit.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Support's repairs: retry a sequence now through Axon's {@code SequencedDeadLetterProcessor} (in order, stopping at
 * the first letter that fails again), or evict its letters. Each one is written to the {@link SupportAudit}.
 */
public class DeadLetterRepairs {

    private final DeadLetterQueues queues;
    private final DeadLetterQueries queries;
    private final SupportAudit audit;

    public DeadLetterRepairs(DeadLetterQueues queues, DeadLetterQueries queries, SupportAudit audit) {
        this.queues = queues;
        this.queries = queries;
        this.audit = audit;
    }

    public RetryResult retry(String processingGroup, String sequenceId, String supportUser, String reason) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.queue(processingGroup);
        if (!queue.contains(sequenceId)) {
            throw new DeadLetterSequenceNotFoundException(processingGroup, sequenceId);
        }
        boolean processed;
        Optional<LetterCause> transientCause = Optional.empty();
        try {
            processed = queues.processor(processingGroup)
                    .process(first -> sequenceId.equals(Letters.sequenceId(first)));
        } catch (RuntimeException transientFailure) {
            // the letters stay as they were; the cause (the database or the broker away) is not theirs
            processed = false;
            transientCause = Optional.of(new LetterCause(transientFailure.getClass().getName(),
                    String.valueOf(transientFailure.getMessage())));
        }
        RetryResult result = new RetryResult(processingGroup, sequenceId, processed, queue.sequenceSize(sequenceId),
                processed ? Optional.empty()
                        : transientCause.or(() -> firstOf(queue, sequenceId).flatMap(Letters::cause)));
        audit.record(supportUser, AuditRecord.Action.RETRY, processingGroup, sequenceId, reason, outcome(result));
        return result;
    }

    /** Every sequence listed now, of one processing group or of all, each retried (and audited) on its own. */
    public List<RetryResult> retryAll(String processingGroup, String supportUser, String reason) {
        List<RetryResult> results = new ArrayList<>();
        for (SequenceSummary sequence : queries.all(new DeadLetterFilter(processingGroup, null, null, null))) {
            try {
                results.add(retry(sequence.processingGroup(), sequence.sequenceId(), supportUser, reason));
            } catch (DeadLetterSequenceNotFoundException processedMeanwhile) {
                // the automatic retries got there first
            }
        }
        return results;
    }

    /** Evicts every letter of the sequence; later events of the entity are then handled as they come. */
    public List<String> evict(String processingGroup, String sequenceId, String supportUser, String reason) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.queue(processingGroup);
        List<DeadLetter<? extends EventMessage<?>>> letters = StreamSupport.stream(
                queue.deadLetterSequence(sequenceId).spliterator(), false).toList();
        if (letters.isEmpty()) {
            throw new DeadLetterSequenceNotFoundException(processingGroup, sequenceId);
        }
        letters.forEach(queue::evict);
        List<String> eventIds = letters.stream().map(letter -> letter.message().getIdentifier()).toList();
        audit.record(supportUser, AuditRecord.Action.EVICTION, processingGroup, sequenceId, reason,
                "EVICTED " + eventIds.size() + " letter(s): " + String.join(", ", eventIds));
        return eventIds;
    }

    private static Optional<DeadLetter<? extends EventMessage<?>>> firstOf(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String sequenceId) {
        var letters = queue.deadLetterSequence(sequenceId).iterator();
        return letters.hasNext() ? Optional.of(letters.next()) : Optional.empty();
    }

    private static String outcome(RetryResult result) {
        if (result.processed()) {
            return "PROCESSED";
        }
        return "STILL_FAILING" + result.cause().map(cause -> " " + cause.type() + ": " + cause.message()).orElse("");
    }
}
