package org.banksuite.accounts.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.MetaDataSequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.banksuite.accounts.account.messaging.AccountEventPublisher;
import org.banksuite.accounts.account.messaging.InboundEvents;
import org.banksuite.accounts.account.messaging.InboundRetries;
import org.banksuite.accounts.account.messaging.InboundTranslation;
import org.banksuite.accounts.account.messaging.RetrySchedule;
import org.banksuite.accounts.account.query.AccountProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The event processors' failure modes. The projection and the publisher must not skip an event: they stop and
 * retry with Axon's back-off (1 s doubling to 60 s) until the cause is gone. Inbound translation dead-letters a
 * failed event instead, holding back only later events of the same entity.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProcessorConfig {

    @Bean
    ConfigurerModule haltOnFailure() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(AccountProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(AccountEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    /** Named in application.yml as the inbound processor's sequencing policy: one sequence per entity. */
    @Bean
    SequencingPolicy<EventMessage<?>> inboundSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(InboundEvents.SUBJECT).build();
    }

    /** Failed inbound events are dead-lettered with a count of failed attempts, which paces automatic retries. */
    @Bean
    ConfigurerModule inboundDeadLetterPolicy() {
        return configurer -> configurer.eventProcessing().registerDeadLetterPolicy(InboundTranslation.PROCESSING_GROUP,
                c -> InboundRetries.countingPolicy());
    }

    @Bean
    RetrySchedule inboundRetrySchedule(@Value("${accounts.dead-letters.first-retry-after:PT30S}") Duration first,
                                       @Value("${accounts.dead-letters.max-retry-interval:PT1H}") Duration max,
                                       @Value("${accounts.dead-letters.max-automatic-attempts:12}") int attempts) {
        return new RetrySchedule(first, max, attempts);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
