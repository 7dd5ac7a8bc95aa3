package org.banksuite.kit.processing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How every event processor of a service meets an event it cannot handle, so that no single event halts a
 * projection, a publisher, the inbox or a saga segment:
 * <ul>
 * <li>each handler runs in a savepoint ({@link HandlerSavepoints}), so a refused statement spoils nothing else;</li>
 * <li>every processing group but the sagas' has Axon's sequenced dead-letter queue (switched on per group in the
 * service's {@code application.yml}, checked at start by {@link DeadLetterCoverage}), sequenced per entity (the
 * aggregate identifier for the service's own events, {@code ce_subject} for inbound ones): a failed event becomes a
 * letter, later events of that entity wait behind it, all others flow; for a Kafka publisher this keeps each entity's
 * records in order and its {@code ce_sequence} without gaps;</li>
 * <li>transient failures are never dead-lettered: the processor retries them ({@link DeadLetterPolicy});</li>
 * <li>sagas, which Axon cannot dead-letter, leave a lastingly failing event to its saga ({@link SagaFailures});</li>
 * <li>letters are retried automatically on a doubling back-off ({@link DeadLetterRetries}), counted in gauges
 * ({@link DeadLetterMetrics}), and listed, retried and evicted by support at {@code /ops/v1/dead-letters}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProcessingConfiguration {

    /** The event store as the pooled processors' source, waking them at once ({@link WakingEventSource}). */
    @Bean(name = WakingEventSource.BEAN, destroyMethod = "stop")
    WakingEventSource wakingEventSource(EventStore eventStore) {
        return new WakingEventSource(eventStore);
    }

    @Bean
    HandlerSavepoints handlerSavepoints(PlatformTransactionManager transactionManager) {
        return new HandlerSavepoints(transactionManager);
    }

    @Bean
    ConfigurerModule perEntityDeadLettering(MeterRegistry registry) {
        SagaFailures sagaFailures = new SagaFailures(registry);
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(c -> new DeadLetterPolicy())
                .registerDefaultListenerInvocationErrorHandler(c -> sagaFailures);
    }

    /**
     * Replicas share each pooled processor's segments ({@link FairSegmentShare}), where the deployment says that
     * replicas may run ({@code suite.segments.share=true}; the local stack sets it): off, a pooled processor keeps the
     * segments it claimed first, as in the tests.
     */
    @Bean
    @ConditionalOnProperty(name = "suite.segments.share", havingValue = "true")
    FairSegmentShare fairSegmentShare(DataSource dataSource, @Value("${spring.application.name}") String service,
                                      @Value("${suite.segments.share-refresh:PT5S}") Duration refresh) {
        return new FairSegmentShare(dataSource, service, refresh);
    }

    /** Applies {@link FairSegmentShare}, if on, to every processor of {@code axon.eventhandling.processors} in pooled mode. */
    @Bean
    ConfigurerModule fairSegmentShareOfPooledProcessors(ObjectProvider<FairSegmentShare> share,
                                                        EventProcessorProperties processors) {
        return configurer -> share.ifAvailable(fair -> processors.getProcessors().forEach((name, settings) -> {
            if (settings.getMode() == EventProcessorProperties.Mode.POOLED) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(name,
                        (axon, builder) -> builder.maxSegmentProvider(fair));
            }
        }));
    }

    /** Once the processors run, the other replicas may count this one ({@link FairSegmentShare#announce()}). */
    @EventListener(ApplicationReadyEvent.class)
    void announceToReplicas(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeanProvider(FairSegmentShare.class).ifAvailable(FairSegmentShare::announce);
    }

    @Bean
    DeadLetterCoverage deadLetterCoverage(EventProcessingConfiguration processing) {
        return new DeadLetterCoverage(processing);
    }

    @Bean
    RetrySchedule deadLetterRetrySchedule(@Value("${suite.dead-letters.first-retry-after:PT30S}") Duration first,
                                          @Value("${suite.dead-letters.max-retry-interval:PT1H}") Duration max,
                                          @Value("${suite.dead-letters.max-automatic-attempts:12}") int attempts) {
        return new RetrySchedule(first, max, attempts);
    }

    @Bean
    DeadLetterRetries deadLetterRetries(EventProcessingConfiguration processing, RetrySchedule schedule,
                                        Clock clock) {
        return new DeadLetterRetries(processing, schedule, clock);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(EventProcessingConfiguration processing, MeterRegistry registry) {
        return new DeadLetterMetrics(processing, registry);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
