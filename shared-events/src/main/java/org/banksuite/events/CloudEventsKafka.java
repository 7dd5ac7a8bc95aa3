package org.banksuite.events;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.banksuite.events.UnreadableEventException.Reason;

/**
 * CloudEvents 1.0 in Kafka binary mode: the attributes travel as {@code ce_*} headers, the value is the event's
 * JSON and the key is the subject (the entity id), so all events of one entity share a partition.
 *
 * <p>The record timestamp is left to the producer (the time of publishing), not set to {@code ce_time}: a replay
 * of old events must not be dropped at once by time-based retention.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SEQUENCE = "ce_sequence";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String TRACEPARENT = "traceparent";
    /** The reconstitution job that replayed the record; only on {@code reconstitution.<receiver>} topics. */
    public static final String RECONSTITUTION_JOB = "ce_reconstitutionjob";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventsKafka() {
    }

    /** The Kafka record for {@code envelope} on {@code topic}: key = subject, value = JSON, attributes as headers. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(envelope, "envelope");
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        add(headers, ID, envelope.id());
        add(headers, SOURCE, envelope.source());
        add(headers, TYPE, envelope.type());
        add(headers, SUBJECT, envelope.subject());
        add(headers, TIME, envelope.time().toString());
        add(headers, SEQUENCE, Long.toString(envelope.sequence()));
        add(headers, CORRELATION_ID, envelope.correlationId());
        add(headers, CAUSATION_ID, envelope.causationId());
        add(headers, TRACEPARENT, envelope.traceparent());
        add(headers, CONTENT_TYPE, APPLICATION_JSON);
        byte[] value = EventJson.serialize(envelope.event());
        return new ProducerRecord<>(topic, null, null, envelope.subject(), value, headers);
    }

    /**
     * The envelope carried by {@code record}.
     *
     * @throws UnreadableEventException for a missing or malformed header, an unknown type, or a payload that is
     *         not valid JSON for its type; the message names the topic, partition and offset
     */
    public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
        Objects.requireNonNull(record, "record");
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            return read(record);
        } catch (UnreadableEventException e) {
            throw new UnreadableEventException(e.reason(), "Unreadable event at " + where + ": " + e.getMessage(), e);
        }
    }

    /** The UTF-8 value of the last header named {@code name}, or null if there is none. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static EventEnvelope read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, SPEC_VERSION);
        if (!SPEC_VERSION_1_0.equals(specVersion)) {
            throw new UnreadableEventException(Reason.INVALID_HEADER,
                    SPEC_VERSION + " is '" + specVersion + "', not 1.0");
        }
        String contentType = header(headers, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(APPLICATION_JSON)) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, CONTENT_TYPE + " is '" + contentType + "'");
        }
        String id = required(headers, ID);
        String source = required(headers, SOURCE);
        String type = required(headers, TYPE);
        String subject = required(headers, SUBJECT);
        Instant time = time(required(headers, TIME));
        long sequence = sequence(required(headers, SEQUENCE));
        IntegrationEvent event = EventJson.deserialize(type, record.value());
        try {
            return new EventEnvelope(id, source, type, subject, time, sequence, header(headers, CORRELATION_ID),
                    header(headers, CAUSATION_ID), header(headers, TRACEPARENT), event);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(Reason.INVALID_PAYLOAD, e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isEmpty()) {
            throw new UnreadableEventException(Reason.MISSING_HEADER, "missing header " + name);
        }
        return value;
    }

    private static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, TIME + " is not RFC 3339: '" + value + "'", e);
        }
    }

    private static long sequence(String value) {
        try {
            long sequence = Long.parseLong(value);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnreadableEventException(Reason.INVALID_HEADER,
                SEQUENCE + " is not a sequence number: '" + value + "'");
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
