package org.banksuite.kit.processing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Refuses to start a service with an event processor that could halt on one event: every processing group other than
 * a saga's must have a dead-letter queue ({@code axon.eventhandling.processors.<group>.dlq.enabled: true}). A
 * projection or publisher added without one fails the service's tests, not production.
 */
public class DeadLetterCoverage {

    private final EventProcessingConfiguration processing;

    public DeadLetterCoverage(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Set<String> sagas = processing.sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup)
                .collect(Collectors.toSet());
        List<String> uncovered = processing.eventProcessors().keySet().stream()
                .filter(group -> !sagas.contains(group))
                .filter(group -> processing.deadLetterQueue(group).isEmpty())
                .sorted()
                .toList();
        if (!uncovered.isEmpty()) {
            throw new IllegalStateException("Event processors without a dead-letter queue would halt on one bad "
                    + "event: " + uncovered + "; set axon.eventhandling.processors.<group>.dlq.enabled: true");
        }
    }
}
