package org.banksuite.accounts.account.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How much is waiting in the inbound dead-letter queue, for alerting: {@code accounts_inbound_dead_letters} and
 * {@code accounts_inbound_dead_letter_sequences} (the entities held back).
 */
@Component
class DeadLetterMetrics {

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    DeadLetterMetrics(EventProcessingConfiguration processing, MeterRegistry registry) {
        this.processing = processing;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.deadLetterQueue(InboundTranslation.PROCESSING_GROUP).ifPresent(queue -> {
            Gauge.builder("accounts.inbound.dead.letters", queue, q -> q.size())
                    .description("Inbound events in the dead-letter queue").register(registry);
            Gauge.builder("accounts.inbound.dead.letter.sequences", queue, q -> q.amountOfSequences())
                    .description("Entities whose inbound events wait behind a dead letter").register(registry);
        });
    }
}
