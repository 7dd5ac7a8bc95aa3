package org.banksuite.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An integration event with its CloudEvents 1.0 attributes, as it travels on Kafka.
 *
 * @param id            unique id of this event ({@code ce_id}); consumers deduplicate by it
 * @param source        the producer, e.g. {@code /accounts-service} ({@code ce_source})
 * @param type          the catalogued type of {@code event} ({@code ce_type})
 * @param subject       the entity id, equal to {@code event.subject()} ({@code ce_subject}, the record key)
 * @param time          when it happened ({@code ce_time})
 * @param sequence      the entity's event sequence number, gapless per entity ({@code ce_sequence})
 * @param correlationId nullable: the id shared by everything one request set off ({@code ce_correlationid})
 * @param causationId   nullable: the id of the message that caused this event ({@code ce_causationid})
 * @param traceparent   nullable: W3C trace context ({@code traceparent})
 * @param event         the payload
 */
public record EventEnvelope(String id, String source, String type, String subject, Instant time, long sequence,
                            String correlationId, String causationId, String traceparent, IntegrationEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        String catalogued = EventCatalog.typeOf(event);
        if (!type.equals(catalogued)) {
            throw new IllegalArgumentException(
                    "type '" + type + "' does not match the event's type '" + catalogued + "'");
        }
        if (!subject.equals(event.subject())) {
            throw new IllegalArgumentException(
                    "subject '" + subject + "' does not match the event's subject '" + event.subject() + "'");
        }
    }

    /** An envelope whose type and subject are taken from {@code event}, without correlation or tracing. */
    public static EventEnvelope of(String id, String source, Instant time, long sequence, IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        return new EventEnvelope(id, source, EventCatalog.typeOf(event), event.subject(), time, sequence,
                null, null, null, event);
    }

    /** This envelope with the given correlation id, causation id and trace context (each nullable). */
    public EventEnvelope withTracing(String correlationId, String causationId, String traceparent) {
        return new EventEnvelope(id, source, type, subject, time, sequence, correlationId, causationId, traceparent,
                event);
    }
}
