package org.banksuite.adapter.messaging;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.config.ProcessingGroup;
import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.messaging.TopicNames;
import org.springframework.stereotype.Component;

/**
 * Publishes the core's answers and entries on {@code partner-bank.events}, in order per account and per transfer; the
 * event store is the outbox and the token moves only after the broker acknowledged the record. {@code ce_id} is the
 * stored event's id, so a consumer recognises a record republished after a crash.
 */
@Component
@ProcessingGroup(PartnerBankEventPublisher.PROCESSING_GROUP)
class PartnerBankEventPublisher {

    static final String PROCESSING_GROUP = "partner-bank-publisher";

    private final IntegrationEventPublisher publisher;
    private final TopicNames topics;
    private final PublishedSequences sequences;

    PartnerBankEventPublisher(IntegrationEventPublisher publisher, TopicNames topics, PublishedSequences sequences) {
        this.publisher = publisher;
        this.topics = topics;
        this.sequences = sequences;
    }

    @EventHandler
    void publish(CoreAccountEvent event, DomainEventMessage<?> message) throws Exception {
        publish(PartnerBankIntegrationEvents.from(event, message.getTimestamp()), message);
    }

    @EventHandler
    void publish(PaymentEvent event, DomainEventMessage<?> message) throws Exception {
        publish(PartnerBankIntegrationEvents.from(event, message.getTimestamp()), message);
    }

    private void publish(Optional<IntegrationEvent> published, DomainEventMessage<?> stored) throws Exception {
        if (published.isEmpty()) {
            return;
        }
        long sequence = sequences.of(stored.getIdentifier(), published.get().subject());
        publisher.publish(topics.partnerBankEvents(), published.get(), new GenericDomainEventMessage<>(
                stored.getType(), stored.getAggregateIdentifier(), sequence, stored.getPayload(),
                stored.getMetaData(), stored.getIdentifier(), stored.getTimestamp()));
    }
}
