package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.banksuite.kit.tracing.Tracing;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

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

    public InboundInbox(EventStore eventStore, JdbcTemplate jdbc, DeadLetterTopic deadLetterTopic) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.deadLetterTopic = deadLetterTopic;
    }

    /**
     * Stores the record, unless it was stored before. An unreadable record goes to the dead-letter topic first: should
     * that fail, the record is redelivered and nothing is lost.
     */
    public void accept(ConsumerRecord<String, byte[]> record) {
        GenericEventMessage<?> message = toMessage(record);
        if (alreadyStored(message.getIdentifier())) {
            log.debug("Duplicate inbound event {} from {} dropped", message.getIdentifier(), record.topic());
            return;
        }
        if (message.getPayload() instanceof UnreadableInboundRecord unreadable) {
            deadLetterTopic.publish(record, unreadable.reason());
        }
        try {
            eventStore.publish(message);
        } catch (ConcurrencyException duplicate) {
            log.debug("Inbound event {} stored concurrently; dropped", message.getIdentifier());
        }
    }

    private boolean alreadyStored(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domainevententry where eventidentifier = ?)", Boolean.class, eventId));
    }

    static GenericEventMessage<?> toMessage(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(InboundEvents.TOPIC, record.topic());
        metaData.put(InboundEvents.OFFSET, record.partition() + "@" + record.offset());
        try {
            EventEnvelope envelope = CloudEventsKafka.fromRecord(record);
            metaData.put(InboundEvents.SUBJECT, envelope.subject());
            metaData.put(InboundEvents.TYPE, envelope.type());
            metaData.put(InboundEvents.SEQUENCE, Long.toString(envelope.sequence()));
            metaData.put(InboundEvents.SOURCE, envelope.source());
            if (envelope.traceparent() != null) {
                metaData.put(Tracing.TRACEPARENT, envelope.traceparent());
            }
            String job = CloudEventsKafka.header(record.headers(), CloudEventsKafka.RECONSTITUTION_JOB);
            if (job != null) {
                metaData.put(InboundEvents.ID, envelope.id());
                metaData.put(InboundEvents.RECONSTITUTION_JOB, job);
                return new GenericEventMessage<>(replayId(job, envelope.id()), envelope.event(), metaData,
                        envelope.time());
            }
            return new GenericEventMessage<>(envelope.id(), envelope.event(), metaData, envelope.time());
        } catch (UnreadableEventException e) {
            UnreadableInboundRecord unreadable = unreadable(record, e.getMessage());
            metaData.put(InboundEvents.SUBJECT, subjectOf(record));
            String id = CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID);
            String eventId = id != null ? id : record.topic() + "-" + record.partition() + "@" + record.offset();
            return new GenericEventMessage<>(eventId, unreadable, metaData, java.time.Instant.now());
        }
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

    private static String subjectOf(ConsumerRecord<String, byte[]> record) {
        String subject = CloudEventsKafka.header(record.headers(), CloudEventsKafka.SUBJECT);
        if (subject != null) {
            return subject;
        }
        return record.key() != null ? record.key() : record.topic() + "-" + record.partition();
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
