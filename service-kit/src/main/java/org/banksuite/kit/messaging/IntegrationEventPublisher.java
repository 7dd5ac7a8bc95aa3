package org.banksuite.kit.messaging;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.kit.tracing.Tracing;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an aggregate's event, in its published version, as a CloudEvents record: {@code ce_id} is the stored event's
 * id, {@code ce_sequence} its sequence number, the trace context its metadata's. Returns only once the broker
 * acknowledged it, so a publishing processor's token never runs ahead of the topic.
 */
public class IntegrationEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;

    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, String source) {
        this.kafka = kafka;
        this.source = source;
    }

    public void publish(String topic, IntegrationEvent published, DomainEventMessage<?> stored) throws Exception {
        kafka.send(record(topic, published, stored, stored.getSequenceNumber())).get(30, TimeUnit.SECONDS);
    }

    /** The record of {@code published}, stored as {@code stored}, with {@code sequence} as its {@code ce_sequence}. */
    public ProducerRecord<String, byte[]> record(String topic, IntegrationEvent published, DomainEventMessage<?> stored,
                                                 long sequence) {
        MetaData metaData = stored.getMetaData();
        EventEnvelope envelope = new EventEnvelope(stored.getIdentifier(), source, EventCatalog.typeOf(published),
                published.subject(), stored.getTimestamp(), sequence,
                text(metaData.get("traceId")), text(metaData.get("correlationId")),
                text(metaData.get(Tracing.TRACEPARENT)), published);
        return CloudEventsKafka.toRecord(topic, envelope);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
