package org.banksuite.kit.deadletters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists and inspects dead-lettered sequences through Axon's queues, never their tables. */
public class DeadLetterQueries {

    /** A page of sequences; {@code next} is absent on the last page. */
    public record Page(List<SequenceSummary> items, String next) {
    }

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final DeadLetterQueues queues;
    private final JsonMapper json;

    public DeadLetterQueries(DeadLetterQueues queues, JsonMapper json) {
        this.queues = queues;
        this.json = json;
    }

    public Page sequences(DeadLetterFilter filter, int limit, String cursor) {
        SequencePosition after = cursor == null ? null : SequencePosition.decode(cursor);
        List<SequenceSummary> matching = all(filter).stream()
                .filter(sequence -> after == null || after.isBefore(sequence))
                .sorted((a, b) -> SequencePosition.ORDER.compare(SequencePosition.of(a), SequencePosition.of(b)))
                .limit(limit + 1L)
                .toList();
        if (matching.size() <= limit) {
            return new Page(matching, null);
        }
        List<SequenceSummary> page = matching.subList(0, limit);
        return new Page(page, SequencePosition.of(page.getLast()).encode());
    }

    public List<LetterView> letters(String processingGroup, String sequenceId) {
        List<LetterView> letters = StreamSupport.stream(
                        queues.queue(processingGroup).deadLetterSequence(sequenceId).spliterator(), false)
                .map(this::view)
                .toList();
        if (letters.isEmpty()) {
            throw new DeadLetterSequenceNotFoundException(processingGroup, sequenceId);
        }
        return letters;
    }

    /** Every sequence matching the filter; only an entity's own sequence is read when the filter names one. */
    List<SequenceSummary> all(DeadLetterFilter filter) {
        List<String> groups = filter.processingGroup() == null ? queues.processingGroups()
                : List.of(filter.processingGroup());
        List<SequenceSummary> sequences = new ArrayList<>();
        for (String group : groups) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queues.queue(group);
            Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> candidates = filter.entityId() == null
                    ? queue.deadLetters() : List.of(queue.deadLetterSequence(filter.entityId()));
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : candidates) {
                Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
                if (letters.hasNext()) {
                    SequenceSummary summary = summary(group, queue, letters.next());
                    if (filter.matches(summary)) {
                        sequences.add(summary);
                    }
                }
            }
        }
        return sequences;
    }

    private static SequenceSummary summary(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                           DeadLetter<? extends EventMessage<?>> first) {
        String sequenceId = Letters.sequenceId(first);
        return new SequenceSummary(group, sequenceId, queue.sequenceSize(sequenceId), Letters.eventType(first),
                Letters.cause(first), Letters.attempts(first), first.enqueuedAt(), first.lastTouched());
    }

    private LetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Map<String, String> metadata = new LinkedHashMap<>();
        message.getMetaData().forEach((key, value) -> metadata.put(key, String.valueOf(value)));
        return new LetterView(message.getIdentifier(), Letters.eventType(letter), message.getPayloadType().getName(),
                json.convertValue(message.getPayload(), JSON_OBJECT), metadata, Letters.cause(letter),
                Letters.attempts(letter), letter.enqueuedAt(), letter.lastTouched());
    }
}
