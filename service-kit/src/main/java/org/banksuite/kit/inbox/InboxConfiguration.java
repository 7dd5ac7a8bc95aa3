package org.banksuite.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.MetaDataSequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.banksuite.kit.messaging.TopicNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The inbox of a service: inbound Kafka records kept in the event store under their {@code ce_id}, translated by the
 * {@link Inbox#PROCESSING_GROUP} processor with Axon's sequenced dead-letter queue behind it (one sequence per
 * entity), dead letters retried on a doubling back-off, and gauges of what waits. The service adds its own
 * {@code @KafkaListener} (its topics) that hands records to {@link InboundInbox}, and its translation handlers.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class InboxConfiguration {

    @Bean
    InboundInbox inboundInbox(EventStore eventStore, JdbcTemplate jdbc, DeadLetterTopic deadLetterTopic) {
        return new InboundInbox(eventStore, jdbc, deadLetterTopic);
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
     * A record that cannot be stored in the inbox (the database is down, say) is retried with back-off from
     * 1 s up to 30 s, for as long as it takes: never skipped, never in a hot loop.
     */
    @Bean
    DefaultErrorHandler inboundErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }

    @Bean(Inbox.SEQUENCING_POLICY)
    SequencingPolicy<EventMessage<?>> inboundSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(InboundEvents.SUBJECT).build();
    }

    /** Failed inbound events are dead-lettered with a count of failed attempts, which paces automatic retries. */
    @Bean
    ConfigurerModule inboundDeadLetterPolicy() {
        return configurer -> configurer.eventProcessing().registerDeadLetterPolicy(Inbox.PROCESSING_GROUP,
                c -> DeadLetterAttempts.countingPolicy());
    }

    @Bean
    RetrySchedule inboundRetrySchedule(@Value("${suite.dead-letters.first-retry-after:PT30S}") Duration first,
                                       @Value("${suite.dead-letters.max-retry-interval:PT1H}") Duration max,
                                       @Value("${suite.dead-letters.max-automatic-attempts:12}") int attempts) {
        return new RetrySchedule(first, max, attempts);
    }

    @Bean
    InboundRetries inboundRetries(EventProcessingConfiguration processing, RetrySchedule schedule, Clock clock) {
        return new InboundRetries(processing, schedule, clock);
    }

    @Bean
    DeadLetterMetrics inboundDeadLetterMetrics(EventProcessingConfiguration processing, MeterRegistry registry) {
        return new DeadLetterMetrics(processing, registry);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
