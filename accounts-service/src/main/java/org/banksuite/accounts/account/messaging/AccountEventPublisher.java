package org.banksuite.accounts.account.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.messaging.TopicNames;
import org.springframework.stereotype.Component;

/**
 * Publishes every account event on {@code accounts.events}, in order per account. The event store is the
 * outbox: the processor's token moves only after the broker acknowledged the record (idempotent producer,
 * {@code acks=all}), so a crash republishes at most the last events, with their original {@code ce_id}.
 */
@Component
@ProcessingGroup(AccountEventPublisher.PROCESSING_GROUP)
public class AccountEventPublisher {

    public static final String PROCESSING_GROUP = "account-publisher";

    private final IntegrationEventPublisher publisher;
    private final TopicNames topics;

    AccountEventPublisher(IntegrationEventPublisher publisher, TopicNames topics) {
        this.publisher = publisher;
        this.topics = topics;
    }

    @EventHandler
    void publish(AccountEvent event, DomainEventMessage<?> message) throws Exception {
        publisher.publish(topics.accountsEvents(), AccountIntegrationEvents.from(event, message.getTimestamp(),
                message.getSequenceNumber()), message);
    }
}
