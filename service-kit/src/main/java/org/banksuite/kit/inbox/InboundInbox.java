package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.UnreadableEventException;
import org.banksuite.kit.processing.TransientFailures;
import org.banksuite.kit.tracing.MessageTracing;
import org.banksuite.kit.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Keeps every inbound record in the service's event store, under the record's {@code ce_id} as the event
 * identifier. The store's unique event identifier makes delivery idempotent: a record seen before is
 * recognised and dropped; a replay by a reconstitution job is kept under an id of its own per job (see
 * {@link #replayId}). From the store, the service's processor of the {@link Inbox#PROCESSING_GROUP} group
 * turns the events into commands, with Axon's sequenced dead-letter queue behind it.
 */
public class InboundInbox {

    private static final Logger log = LoggerFactory.getLogger(InboundInbox.class);

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final DeadLetterTopic deadLetterTopic;
    private final MessageTracing tracing;

    /**
     * @param tracing makes a consumer span per record, a child of the record's {@code traceparent}; the stored event
     *                carries the span's context on to the handlers
     */
    public InboundInbox(EventStore eventStore, JdbcTemplate jdbc, DeadLetterTopic deadLetterTopic,
                        MessageTracing tracing) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.deadLetterTopic = deadLetterTopic;
        this.tracing = tracing;
    }

    /**
     * Stores the record, unless it was stored before. An unreadable record goes to the dead-letter topic first: should
     * that fail, the record is redelivered and nothing is lost. A readable record that the store refuses for a reason
     * a retry would not change (a value too long for a column, say) is handled as unreadable: published to the
     * dead-letter topic and kept raw, once, so that it is listed with the dead letters and the partition moves on.
     *
     * @throws RuntimeException only for a transient failure (the database or the broker away): the listener then
     *         redelivers the record after a back-off
     */
    public void accept(ConsumerRecord<String, byte[]> record) {
        Span span = consumerSpan(record);
        try {
            accept(record, traced(toMessage(record), span));
        } catch (RuntimeException failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record, GenericEventMessage<?> message) {
        if (alreadyStored(message.getIdentifier())) {
            log.debug("Duplicate inbound event {} from {} dropped", message.getIdentifier(), record.topic());
            return;
        }
        if (message.getPayload() instanceof UnreadableInboundRecord) {
            keepUnreadable(record, message);
            return;
        }
        try {
            eventStore.publish(message);
        } catch (ConcurrencyException duplicate) {
            log.debug("Inbound event {} stored concurrently; dropped", message.getIdentifier());
        } catch (RuntimeException refused) {
            if (TransientFailures.isTransient(refused)) {
                throw refused;
            }
            log.warn("Inbound record {}-{}@{} cannot be stored; kept as unreadable: {}", record.topic(),
                    record.partition(), record.offset(), refused.toString());
            keepUnreadable(record, unreadableMessage(record, "cannot be stored: " + refused, Instant.now()));
        }
    }

    /**
     * Stores the records of one poll, each as {@link #accept} would, with one query for the ones seen before and one
     * transaction for the rest. Should that fail for any reason (an unreadable or refused record among them, a
     * duplicate stored concurrently, the database away), the records are accepted one by one instead, each with
     * {@link #accept}'s own handling.
     * <p>
     * Why: a poll under load brings tens of records, and a transaction each was most of the inbox's cost.
     *
     * @throws BatchListenerFailedException naming the record that failed transiently (the database or the broker
     *         away), so that the listener's error handler commits the records before it and retries from it
     */
    public void acceptAll(List<ConsumerRecord<String, byte[]>> records) {
        List<Span> spans = records.stream().map(this::consumerSpan).toList();
        try {
            List<GenericEventMessage<?>> messages = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                messages.add(traced(toMessage(records.get(i)), spans.get(i)));
            }
            if (records.size() > 1 && storedTogether(messages)) {
                return;
            }
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                try {
                    accept(record, messages.get(i));
                } catch (RuntimeException transientFailure) {
                    spans.get(i).error(transientFailure);
                    throw new BatchListenerFailedException("Inbound record " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + " not stored yet", transientFailure, record);
                }
            }
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Span consumerSpan(ConsumerRecord<String, byte[]> record) {
        String parent = CloudEventsKafka.header(record.headers(), CloudEventsKafka.TRACEPARENT);
        return tracing.start("receive " + record.topic(), Span.Kind.CONSUMER, parent)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.destination.partition.id", Integer.toString(record.partition()))
                .tag("messaging.kafka.offset", Long.toString(record.offset()));
    }

    /** The message carrying the consumer span's trace context, which the handlers continue. */
    private GenericEventMessage<?> traced(GenericEventMessage<?> message, Span span) {
        if (message.getPayload() instanceof UnreadableInboundRecord) {
            return message;
        }
        Object carried = message.getMetaData().get(Tracing.TRACEPARENT);
        String traceparent = tracing.traceparent(span, carried == null ? null : carried.toString());
        return traceparent == null ? message : message.andMetaData(Map.of(Tracing.TRACEPARENT, traceparent));
    }

    private boolean storedTogether(List<GenericEventMessage<?>> batch) {
        Map<String, GenericEventMessage<?>> messages = new LinkedHashMap<>();
        for (GenericEventMessage<?> message : batch) {
            if (message.getPayload() instanceof UnreadableInboundRecord) {
                return false;
            }
            messages.putIfAbsent(message.getIdentifier(), message);
        }
        try {
            messages.keySet().removeAll(alreadyStored(messages.keySet()));
            if (!messages.isEmpty()) {
                eventStore.publish(List.copyOf(messages.values()));
            }
            return true;
        } catch (RuntimeException failed) {
            log.debug("{} inbound records not stored together; one by one instead: {}", batch.size(),
                    failed.toString());
            return false;
        }
    }

    private Set<String> alreadyStored(Set<String> eventIds) {
        return new HashSet<>(jdbc.queryForList("select eventidentifier from domainevententry"
                + " where eventidentifier = any (?)", String.class, (Object) eventIds.toArray(String[]::new)));
    }

    /**
     * Keeps a record that {@link #accept} could not keep, as unreadable: what the listener's error handler does once a
     * lasting failure escaped {@code accept}, so that the record is on the dead-letter topic and, if the store takes
     * it at all, in the dead-letter list, and the partition moves on.
     */
    public void keepUnstorable(ConsumerRecord<String, byte[]> record, Exception failure) {
        GenericEventMessage<?> message = unreadableMessage(record, "cannot be stored: " + failure, Instant.now());
        try {
            if (!alreadyStored(message.getIdentifier())) {
                keepUnreadable(record, message);
            }
        } catch (RuntimeException stillRefused) {
            if (TransientFailures.isTransient(stillRefused)) {
                throw stillRefused;
            }
            log.error("Inbound record {}-{}@{} cannot be kept, not even raw; passed over so that the partition moves"
                    + " on (see {} unless publishing there failed too)", record.topic(), record.partition(),
                    record.offset(), record.topic() + ".dlt", stillRefused);
        }
    }

    private void keepUnreadable(ConsumerRecord<String, byte[]> record, GenericEventMessage<?> message) {
        deadLetterTopic.publish(record, ((UnreadableInboundRecord) message.getPayload()).reason());
        try {
            eventStore.publish(message);
        } catch (ConcurrencyException duplicate) {
            log.debug("Unreadable inbound record {} stored concurrently; dropped", message.getIdentifier());
        }
    }

    private boolean alreadyStored(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domainevententry where eventidentifier = ?)", Boolean.class, eventId));
    }

    /**
     * The record as the event the inbox stores: its envelope in the metadata ({@link InboundEvents}), timestamped now.
     * Never with the producer's {@code ce_time} as the stored timestamp: Axon's JDBC event store takes an event older
     * than its gap timeout (60 s) as proof that every gap in the global index below it is for good, so a tracking
     * processor reading a backdated copy (delivered late after a broker outage, or replayed by a reconstitution job)
     * would skip for ever the events of transactions still committing under it. The chaos run found transfers whose
     * TransferBooked no processor of transfers-service ever handled that way.
     */
    static GenericEventMessage<?> toMessage(ConsumerRecord<String, byte[]> record) {
        return toMessage(record, Instant.now());
    }

    private static GenericEventMessage<?> toMessage(ConsumerRecord<String, byte[]> record, Instant storedAt) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(InboundEvents.TOPIC, record.topic());
        metaData.put(InboundEvents.OFFSET, record.partition() + "@" + record.offset());
        try {
            EventEnvelope envelope = CloudEventsKafka.fromRecord(record);
            metaData.put(InboundEvents.SUBJECT, envelope.subject());
            metaData.put(InboundEvents.TYPE, envelope.type());
            metaData.put(InboundEvents.SEQUENCE, Long.toString(envelope.sequence()));
            metaData.put(InboundEvents.SOURCE, envelope.source());
            metaData.put(InboundEvents.TIME, envelope.time().toString());
            if (envelope.traceparent() != null) {
                metaData.put(Tracing.TRACEPARENT, envelope.traceparent());
            }
            String job = CloudEventsKafka.header(record.headers(), CloudEventsKafka.RECONSTITUTION_JOB);
            if (job != null && !SafeIds.isSafe(job)) {
                throw new UnreadableEventException(UnreadableEventException.Reason.INVALID_HEADER,
                        CloudEventsKafka.RECONSTITUTION_JOB + " is not a job id");
            }
            if (job != null) {
                metaData.put(InboundEvents.ID, envelope.id());
                metaData.put(InboundEvents.RECONSTITUTION_JOB, job);
                return new GenericEventMessage<>(replayId(job, envelope.id()), envelope.event(), metaData, storedAt);
            }
            return new GenericEventMessage<>(envelope.id(), envelope.event(), metaData, storedAt);
        } catch (UnreadableEventException e) {
            return unreadableMessage(record, e.getMessage(), storedAt);
        }
    }

    /**
     * The record kept raw, under ids the store always takes: its {@code ce_id} only if that is a safe id (else one
     * derived from where the record was), and as its sequence the entity of its {@code ce_subject} or key only if
     * that is a safe id (else a sequence of its own, holding nothing else back).
     */
    private static GenericEventMessage<?> unreadableMessage(ConsumerRecord<String, byte[]> record, String reason,
                                                            Instant storedAt) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(InboundEvents.TOPIC, record.topic());
        metaData.put(InboundEvents.OFFSET, record.partition() + "@" + record.offset());
        metaData.put(InboundEvents.SUBJECT, SafeIds.sequenceOf(record));
        return new GenericEventMessage<>(SafeIds.eventIdOf(record), unreadable(record, reason), metaData, storedAt);
    }

    /**
     * A replayed event is handled again once per job, whether or not its live delivery was handled: that is what
     * support replays it for (a lost event, an evicted dead letter, a handler fixed since). Within the job it counts
     * once, should the job publish it twice after a crash.
     */
    private static String replayId(String job, String eventId) {
        return UUID.nameUUIDFromBytes(("reconstitution/" + job + "/" + eventId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static UnreadableInboundRecord unreadable(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String value = record.value() == null ? null : Base64.getEncoder().encodeToString(record.value());
        return new UnreadableInboundRecord(record.topic(), record.partition(), record.offset(), record.key(), headers,
                value, reason);
    }
}
