package org.banksuite.reconciliation.ledger.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.events.CatalogEntry;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.UnreadableEventException;
import org.banksuite.reconciliation.config.ReconciliationTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code accounts.events}, {@code transfers.events} and {@code partner-bank.events} (never the
 * {@code reconstitution.*} topics: a replay for one service is not news). A record that cannot be read, or whose
 * {@code ce_type} does not belong on its topic, is logged and counted ({@code reconciliation.records.skipped}) and the
 * partition moves on; anything else that fails (the database, say) is retried until it succeeds. A record applied
 * before (same {@code ce_id}) changes nothing and is counted ({@code reconciliation.records.redelivered}).
 */
@Component
class StreamConsumer {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

    private final StreamIngestion ingestion;
    private final ReconciliationTopics topics;
    private final MeterRegistry meters;

    StreamConsumer(StreamIngestion ingestion, ReconciliationTopics topics, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.topics = topics;
        this.meters = meters;
    }

    @KafkaListener(id = "reconciliation-streams", idIsGroup = false, topics = "#{@reconciliationTopics.consumed()}")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventsKafka.fromRecord(record);
        } catch (UnreadableEventException e) {
            skip(record, e.reason().name(), e.getMessage());
            return;
        }
        String topic = topics.unprefixed(record.topic());
        CatalogEntry entry = EventCatalog.entryOf(envelope.type());
        if (!entry.topic().equals(topic)) {
            skip(record, "WRONG_TOPIC", envelope.type() + " does not belong on " + record.topic());
            return;
        }
        if (!ingestion.apply(topic, envelope)) {
            meters.counter("reconciliation.records.redelivered", "topic", record.topic()).increment();
        }
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason, String message) {
        log.error("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), message);
        meters.counter("reconciliation.records.skipped", "topic", record.topic(), "reason", reason).increment();
    }
}
