package org.banksuite.reconciliation.ledger.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.EventJson;
import org.banksuite.reconciliation.config.ReconciliationTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox on {@code reconciliation.events} in order, each row until the broker acknowledged it. A crash
 * between the acknowledgement and the row's update publishes that row again with the same {@code ce_id}: readers
 * deduplicate by it.
 */
@Component
public class OutboxPublisher {

    static final String SOURCE = "/reconciliation-service";
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ReconciliationTopics topics;
    private final Clock clock;

    OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, ReconciliationTopics topics, Clock clock) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    /** Publishes what is pending; stops at the first failure and leaves the rest for the next call. */
    public void publishPending() {
        List<Pending> pending = jdbc.sql("""
                select position, event_id, ce_type, sequence, payload, occurred_at from outbox
                where published_at is null order by position limit ?""").param(BATCH)
                .query((rs, row) -> new Pending(rs.getLong("position"), rs.getObject("event_id", UUID.class),
                        rs.getString("ce_type"), rs.getLong("sequence"), rs.getBytes("payload"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
        for (Pending row : pending) {
            EventEnvelope envelope = EventEnvelope.of(row.eventId().toString(), SOURCE, row.occurredAt(),
                    row.sequence(), EventJson.deserialize(row.ceType(), row.payload()));
            try {
                kafka.send(CloudEventsKafka.toRecord(topics.reconciliationEvents(), envelope)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Could not publish {} {}, will retry: {}", row.ceType(), row.eventId(), e.toString());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            jdbc.sql("update outbox set published_at = ? where position = ?")
                    .params(Timestamp.from(clock.instant()), row.position()).update();
        }
    }

    private record Pending(long position, UUID eventId, String ceType, long sequence, byte[] payload,
                           java.time.Instant occurredAt) {
    }
}
