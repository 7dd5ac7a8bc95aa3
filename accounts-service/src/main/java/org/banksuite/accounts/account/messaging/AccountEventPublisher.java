package org.banksuite.accounts.account.messaging;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.accounts.config.TopicNames;
import org.banksuite.kit.tracing.Tracing;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.springframework.kafka.core.KafkaTemplate;
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
    static final String SOURCE = "/accounts-service";

    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicNames topics;

    AccountEventPublisher(KafkaTemplate<String, byte[]> kafka, TopicNames topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    @EventHandler
    void publish(AccountEvent event, DomainEventMessage<?> message) throws Exception {
        IntegrationEvent published = AccountIntegrationEvents.from(event, message.getTimestamp());
        MetaData metaData = message.getMetaData();
        EventEnvelope envelope = new EventEnvelope(message.getIdentifier(), SOURCE, EventCatalog.typeOf(published),
                event.accountId(), message.getTimestamp(), message.getSequenceNumber(),
                text(metaData.get("traceId")), text(metaData.get("correlationId")),
                text(metaData.get(Tracing.TRACEPARENT)), published);
        kafka.send(CloudEventsKafka.toRecord(topics.accountsEvents(), envelope)).get(30, TimeUnit.SECONDS);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
