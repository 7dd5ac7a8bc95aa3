package org.banksuite.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.banksuite.events.CloudEventsKafka;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.kit.tracing.MessageTracing;
import org.banksuite.kit.tracing.Tracing;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an aggregate's event, in its published version, as a CloudEvents record: {@code ce_id} is the stored event's
 * id, {@code ce_sequence} its sequence number, the trace context its metadata's. A publishing processor's token never
 * runs ahead of the topic:
 * <ul>
 * <li>within a processor's batch (an Axon unit of work), the records are sent without waiting for each, and the batch
 * commits only once the broker acknowledged every one of them: a failure rolls the batch back, token included, and
 * the processor sends the batch again (a record sent twice keeps its {@code ce_id}; the idempotent producer keeps
 * each partition's order);</li>
 * <li>after such a failure, for {@link #ONE_BY_ONE_AFTER_FAILURE}, each record is awaited in its own handler, so that
 * a record the broker lastingly refuses fails its own event, which is then dead-lettered like any other failure;</li>
 * <li>outside a unit of work, each record is awaited before {@link #publish} returns.</li>
 * </ul>
 * Why: awaiting each record alone cost a broker round trip (and, in the local stack, a flush) per event.
 */
public class IntegrationEventPublisher {

    /** How long the publisher awaits each record alone after a batch could not be published. */
    public static final Duration ONE_BY_ONE_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;
    private final MessageTracing tracing;
    private final Clock clock;
    private final String pendingResource = getClass().getName() + ".pending@" + System.identityHashCode(this);
    private volatile Instant oneByOneUntil = Instant.MIN;

    /**
     * @param kafka  the template of the service's producer ({@code acks=all}, idempotent)
     * @param source the {@code ce_source} of every record, e.g. {@code /accounts-service}
     */
    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, String source) {
        this(kafka, source, MessageTracing.off());
    }

    /**
     * @param kafka   the template of the service's producer ({@code acks=all}, idempotent)
     * @param source  the {@code ce_source} of every record, e.g. {@code /accounts-service}
     * @param tracing makes a producer span per record, a child of the stored event's trace context, whose context
     *                the record's {@code traceparent} carries
     */
    public IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, String source, MessageTracing tracing) {
        this(kafka, source, tracing, Clock.systemUTC());
    }

    IntegrationEventPublisher(KafkaTemplate<String, byte[]> kafka, String source, MessageTracing tracing,
                              Clock clock) {
        this.kafka = kafka;
        this.source = source;
        this.tracing = tracing;
        this.clock = clock;
    }

    /**
     * Sends {@code published}, stored as {@code stored}, to {@code topic}, keyed by its subject.
     *
     * @throws Exception when the record cannot be built or, where it is awaited here, the broker did not acknowledge
     *                   it within 30 s
     */
    public void publish(String topic, IntegrationEvent published, DomainEventMessage<?> stored) throws Exception {
        ProducerRecord<String, byte[]> record = record(topic, published, stored, stored.getSequenceNumber());
        String parent = CloudEventsKafka.header(record.headers(), CloudEventsKafka.TRACEPARENT);
        Span span = tracing.start("publish " + topic, Span.Kind.PRODUCER, parent)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", stored.getIdentifier())
                .tag("cloudevents.event_type", EventCatalog.typeOf(published));
        String traceparent = tracing.traceparent(span, parent);
        if (traceparent != null) {
            record.headers().remove(CloudEventsKafka.TRACEPARENT);
            record.headers().add(CloudEventsKafka.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        send(record, span);
    }

    /** Sends {@code record} as {@link #publish} does: awaited with its batch, or alone. */
    public void send(ProducerRecord<String, byte[]> record) throws Exception {
        send(record, null);
    }

    private void send(ProducerRecord<String, byte[]> record, Span span) throws Exception {
        CompletableFuture<?> sent = kafka.send(record);
        if (span != null) {
            sent.whenComplete((result, failure) -> {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            });
        }
        if (!CurrentUnitOfWork.isStarted() || clock.instant().isBefore(oneByOneUntil)) {
            sent.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(pendingResource, key -> awaitedBeforeCommit(batch)).add(sent);
    }

    private List<CompletableFuture<?>> awaitedBeforeCommit(UnitOfWork<?> batch) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
        return pending;
    }

    private void awaitAll(List<CompletableFuture<?>> pending) {
        long deadline = System.nanoTime() + ACKNOWLEDGEMENT_TIMEOUT.toNanos();
        try {
            for (CompletableFuture<?> sent : pending) {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            oneByOneUntil = clock.instant().plus(ONE_BY_ONE_AFTER_FAILURE);
            throw new KafkaException("A batch of " + pending.size() + " records was not acknowledged; the processor "
                    + "sends it again, each record alone", e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while awaiting the broker's acknowledgements", e);
        }
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
