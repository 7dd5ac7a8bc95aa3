package org.banksuite.events;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The longest header value a reader accepts: the columns that keep ids, subjects and types in the consuming
     * services' stores (Axon's event identifier, aggregate identifier, dead-letter sequence) hold 255 characters.
     */
    public static final int MAX_HEADER_LENGTH = 255;

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern SOURCE_SHAPE = Pattern.compile("/[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEQUENCE_SHAPE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern TRACEPARENT_SHAPE =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}(-[\\x21-\\x7E]*)?");
    private static final Pattern RECONSTITUTION_TOPIC =
            Pattern.compile("(?:.*\\.)?reconstitution\\.([a-z0-9]+(?:-[a-z0-9]+)*)");
    /** The producer of each live topic, as its {@code ce_source}: a type is accepted only from its producer. */
    private static final Map<String, String> SOURCES = Map.of(
            Topics.ACCOUNTS_EVENTS, "/" + Receivers.ACCOUNTS_SERVICE,
            Topics.TRANSFERS_EVENTS, "/" + Receivers.TRANSFERS_SERVICE,
            Topics.PARTNER_BANK_EVENTS, "/" + Receivers.PARTNER_BANK_ADAPTER,
            Topics.RECONCILIATION_EVENTS, "/reconciliation-service");

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
     * The envelope carried by {@code record}, its headers checked before anything is read from them: every
     * {@code ce_*} value at most {@link #MAX_HEADER_LENGTH} characters without control characters; {@code ce_id} and
     * {@code ce_subject} without spaces; {@code ce_type} shaped {@code <domain>.<EventName>.v<N>} and catalogued;
     * {@code ce_source} the producer of that type ({@code /partner-bank-adapter} for {@code partner-bank.*}, ...);
     * {@code ce_sequence} a decimal number; and the type published on its own topic (the record's topic, with or
     * without a test prefix, is that type's topic, or a {@code reconstitution.<receiver>} topic of a receiver that
     * reads it; a topic outside the contract is not checked). A malformed {@code traceparent} is dropped, as W3C
     * Trace Context tells a receiver to do: the event is read and starts a new trace.
     *
     * @throws UnreadableEventException for a missing or malformed header, an unknown type, a type from the wrong
     *         topic or source, or a payload that is not valid JSON for its type; the message names the topic,
     *         partition and offset
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
                    SPEC_VERSION + " is '" + printable(specVersion) + "', not 1.0");
        }
        String contentType = header(headers, CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(APPLICATION_JSON)) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, CONTENT_TYPE + " is '" + printable(contentType) + "'");
        }
        String id = token(headers, ID);
        String source = required(headers, SOURCE);
        String type = required(headers, TYPE);
        String subject = token(headers, SUBJECT);
        Instant time = time(required(headers, TIME));
        long sequence = sequence(required(headers, SEQUENCE));
        String correlationId = optional(headers, CORRELATION_ID);
        String causationId = optional(headers, CAUSATION_ID);
        CatalogEntry entry = catalogued(type);
        fromItsProducer(entry, source);
        onItsTopic(entry, record.topic());
        IntegrationEvent event = EventJson.deserialize(type, record.value());
        try {
            return new EventEnvelope(id, source, type, subject, time, sequence, correlationId, causationId,
                    traceparent(headers), event);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException(Reason.INVALID_PAYLOAD, e.getMessage(), e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isEmpty()) {
            throw new UnreadableEventException(Reason.MISSING_HEADER, "missing header " + name);
        }
        return checked(name, value);
    }

    private static String optional(Headers headers, String name) {
        String value = header(headers, name);
        return value == null ? null : checked(name, value);
    }

    /** A required value of visible ASCII characters only: an id that is also a key in the consumers' stores. */
    private static String token(Headers headers, String name) {
        String value = required(headers, name);
        if (!TOKEN.matcher(value).matches()) {
            throw new UnreadableEventException(Reason.INVALID_HEADER,
                    name + " must be visible ASCII characters without spaces: '" + printable(value) + "'");
        }
        return value;
    }

    private static String checked(String name, String value) {
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, name + " is " + value.length()
                    + " characters long, more than " + MAX_HEADER_LENGTH + ": '" + printable(value) + "'");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new UnreadableEventException(Reason.INVALID_HEADER,
                    name + " contains a control character: '" + printable(value) + "'");
        }
        return value;
    }

    /** At most 64 characters of {@code value} with control characters escaped, fit for a log or an error message. */
    private static String printable(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 64 ? shown.append("...").toString() : shown.toString();
    }

    private static CatalogEntry catalogued(String type) {
        try {
            return EventCatalog.entryOf(type);
        } catch (UnknownEventTypeException e) {
            throw new UnreadableEventException(Reason.UNKNOWN_TYPE, e.getMessage(), e);
        }
    }

    private static void fromItsProducer(CatalogEntry entry, String source) {
        if (!SOURCE_SHAPE.matcher(source).matches()) {
            throw new UnreadableEventException(Reason.INVALID_HEADER,
                    SOURCE + " is not a producer's path: '" + printable(source) + "'");
        }
        String producer = SOURCES.get(entry.topic());
        if (!source.equals(producer)) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, entry.ceType() + " comes only from "
                    + producer + ", not from '" + source + "'");
        }
    }

    private static void onItsTopic(CatalogEntry entry, String topic) {
        Optional<String> live = SOURCES.keySet().stream()
                .filter(contract -> topic.equals(contract) || topic.endsWith("." + contract))
                .findFirst();
        if (live.isPresent()) {
            if (!live.get().equals(entry.topic())) {
                throw new UnreadableEventException(Reason.INVALID_HEADER,
                        entry.ceType() + " belongs on " + entry.topic() + ", not on " + live.get());
            }
            return;
        }
        Matcher replay = RECONSTITUTION_TOPIC.matcher(topic);
        if (replay.matches()) {
            Set<String> read = Receivers.topicsOf(replay.group(1)).orElse(Set.of());
            if (!read.contains(entry.topic())) {
                throw new UnreadableEventException(Reason.INVALID_HEADER, entry.ceType() + " is not replayed to "
                        + replay.group(1) + ", which does not read " + entry.topic());
            }
        }
    }

    private static String traceparent(Headers headers) {
        String value = header(headers, TRACEPARENT);
        return value != null && value.length() <= MAX_HEADER_LENGTH && TRACEPARENT_SHAPE.matcher(value).matches()
                ? value : null;
    }

    private static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableEventException(Reason.INVALID_HEADER, TIME + " is not RFC 3339: '" + printable(value) + "'", e);
        }
    }

    private static long sequence(String value) {
        if (SEQUENCE_SHAPE.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        throw new UnreadableEventException(Reason.INVALID_HEADER,
                SEQUENCE + " is not a sequence number: '" + printable(value) + "'");
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
