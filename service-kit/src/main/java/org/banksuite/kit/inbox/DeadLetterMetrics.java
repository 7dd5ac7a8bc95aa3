package org.banksuite.kit.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * How much is waiting in the inbound dead-letter queue, for alerting: {@code inbound_dead_letters} and
 * {@code inbound_dead_letter_sequences} (the entities held back), tagged with the application's name.
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
        processing.deadLetterQueue(Inbox.PROCESSING_GROUP).ifPresent(queue -> {
            Gauge.builder("inbound.dead.letters", queue, q -> q.size())
                    .description("Inbound events in the dead-letter queue").register(registry);
            Gauge.builder("inbound.dead.letter.sequences", queue, q -> q.amountOfSequences())
                    .description("Entities whose inbound events wait behind a dead letter").register(registry);
        });
    }
}
