package org.banksuite.kit.deadletters;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/** The service's sequenced dead-letter queues, one per processing group that has one (every group but the sagas'). */
public class DeadLetterQueues {

    private final EventProcessingConfiguration processing;

    public DeadLetterQueues(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<String> processingGroups() {
        return processing.eventProcessors().keySet().stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .sorted()
                .toList();
    }

    SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> new UnknownProcessingGroupException(processingGroup));
    }

    SequencedDeadLetterProcessor<EventMessage<?>> processor(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new UnknownProcessingGroupException(processingGroup));
    }
}
