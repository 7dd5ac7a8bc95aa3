package org.banksuite.kit.reconstitution;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.reconstitution.ReplayableEvents.PublishedEvent;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a batch of replayed events to the receiver's topic as the live publisher would (same {@code ce_id}, same
 * {@code ce_sequence}), plus the header naming the job, and waits until the broker acknowledged all of them: the
 * job's checkpoint never runs ahead of the topic. The idempotent producer keeps each entity's records in order.
 */
class ReplayPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IntegrationEventPublisher records;

    ReplayPublisher(KafkaTemplate<String, byte[]> kafka, IntegrationEventPublisher records) {
        this.kafka = kafka;
        this.records = records;
    }

    /** A batch under way. */
    class Batch {

        private final String topic;
        private final UUID jobId;
        private final List<CompletableFuture<?>> sent = new ArrayList<>();

        Batch(String topic, UUID jobId) {
            this.topic = topic;
            this.jobId = jobId;
        }

        void send(PublishedEvent published, DomainEventMessage<?> stored) {
            ProducerRecord<String, byte[]> record = records.record(topic, published.event(), stored,
                    published.sequence());
            record.headers().add(CloudEventsKafka.RECONSTITUTION_JOB, jobId.toString().getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }

        /** Waits for the broker; throws if any record was not acknowledged. */
        int acknowledged() throws Exception {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return sent.size();
        }
    }

    Batch batch(String topic, UUID jobId) {
        return new Batch(topic, jobId);
    }
}
