package org.banksuite.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.MetaDataSequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.kit.processing.TransientFailures;
import org.banksuite.kit.tracing.MessageTracing;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The inbox of a service: inbound Kafka records kept in the event store under their {@code ce_id}, translated by the
 * {@link Inbox#PROCESSING_GROUP} processor with Axon's sequenced dead-letter queue behind it (one sequence per
 * entity; the queue's policy, retries and gauges are every processor's, in {@code kit.processing}). The service adds its own
 * {@code @KafkaListener} (its topics) that hands records to {@link InboundInbox}, and its translation handlers.
 */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    InboundInbox inboundInbox(EventStore eventStore, JdbcTemplate jdbc, DeadLetterTopic deadLetterTopic,
                              MessageTracing tracing) {
        return new InboundInbox(eventStore, jdbc, deadLetterTopic, tracing);
    }

    @Bean
    UnreadableRecords unreadableRecords(ApplicationContext context) {
        return new UnreadableRecords(context);
    }

    @Bean
    DeadLetterTopic inboundDeadLetterTopic(KafkaTemplate<String, byte[]> kafka, TopicNames topics) {
        return new DeadLetterTopic(kafka, topics);
    }

    /**
     * What the inbound listener does when {@link InboundInbox#accept} fails. A transient failure (the database or the
     * broker away, a serialization conflict) is retried with back-off from 1 s up to 30 s, for as long as it takes:
     * never skipped, never in a hot loop. A lasting one (which {@code accept} already turns into an unreadable record
     * where it can) is tried twice more, then the record is kept as unstorable ({@link InboundInbox#keepUnstorable}:
     * the dead-letter topic and list) and the partition moves on.
     */
    @Bean
    DefaultErrorHandler inboundErrorHandler(InboundInbox inbox) {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> keepUnstorable(inbox, record,
                failure), new FixedBackOff(1_000, 2));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure)
                ? untilItWorks() : null);
        return handler;
    }

    @SuppressWarnings("unchecked")
    private static void keepUnstorable(InboundInbox inbox, ConsumerRecord<?, ?> record, Exception failure) {
        inbox.keepUnstorable((ConsumerRecord<String, byte[]>) record, failure);
    }

    private static BackOff untilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff;
    }

    @Bean(Inbox.SEQUENCING_POLICY)
    SequencingPolicy<EventMessage<?>> inboundSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(InboundEvents.SUBJECT).build();
    }

}
