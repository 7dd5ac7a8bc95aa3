package org.banksuite.transfers.transfer.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.transfers.transfer.domain.TransferEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes every transfer event on {@code transfers.events}, in order per transfer; the event store is the outbox
 * and the token moves only after the broker acknowledged the record.
 */
@Component
@ProcessingGroup("transfer-publisher")
class TransferEventPublisher {


    private final IntegrationEventPublisher publisher;
    private final TopicNames topics;

    TransferEventPublisher(IntegrationEventPublisher publisher, TopicNames topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    @EventHandler
    void publish(TransferEvent event, DomainEventMessage<?> message) throws Exception {
        publisher.publish(topics.transfersEvents(), TransferIntegrationEvents.from(event, message.getTimestamp()), message);
    }
}
