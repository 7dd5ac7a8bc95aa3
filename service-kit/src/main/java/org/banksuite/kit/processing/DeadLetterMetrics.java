package org.banksuite.kit.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.banksuite.kit.inbox.Inbox;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * How much is waiting in the dead-letter queues, for alerting: {@code dead_letters} and {@code dead_letter_sequences}
 * (the entities held back) per {@code processing_group}, and, as before, {@code inbound_dead_letters} and
 * {@code inbound_dead_letter_sequences} for the inbox; tagged with the application's name.
 */
public class DeadLetterMetrics {

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    public DeadLetterMetrics(EventProcessingConfiguration processing, MeterRegistry registry) {
        this.processing = processing;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> register(group, queue));
        }
    }

    private void register(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Gauge.builder("dead.letters", queue, q -> q.size()).tag("processing_group", group)
                .description("Events in the dead-letter queue").register(registry);
        Gauge.builder("dead.letter.sequences", queue, q -> q.amountOfSequences()).tag("processing_group", group)
                .description("Entities whose events wait behind a dead letter").register(registry);
        if (Inbox.PROCESSING_GROUP.equals(group)) {
            Gauge.builder("inbound.dead.letters", queue, q -> q.size())
                    .description("Inbound events in the dead-letter queue").register(registry);
            Gauge.builder("inbound.dead.letter.sequences", queue, q -> q.amountOfSequences())
                    .description("Entities whose inbound events wait behind a dead letter").register(registry);
        }
    }
}
