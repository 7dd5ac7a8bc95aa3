package org.banksuite.kit;

import org.banksuite.kit.axon.StoredEventsConfiguration;
import org.banksuite.kit.deadletters.DeadLettersConfiguration;
import org.banksuite.kit.idempotency.IdempotencyConfiguration;
import org.banksuite.kit.inbox.InboxConfiguration;
import org.banksuite.kit.messaging.IntegrationEventPublisher;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.kit.persistence.KitMigrations;
import org.banksuite.kit.persistence.PersistenceConfiguration;
import org.banksuite.kit.processing.ProcessingConfiguration;
import org.banksuite.kit.reconstitution.ReconstitutionConfiguration;
import org.banksuite.kit.tracing.MessageTracing;
import org.banksuite.kit.tracing.TracingConfiguration;
import org.banksuite.kit.web.WebConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Everything an event-sourced service of the suite shares: persistence wiring, tracing, the inbox with its
 * dead letters and support's API for them ({@code /ops/v1}), and idempotent requests. A service imports this once,
 * in its own configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({PersistenceConfiguration.class, KitMigrations.class, TracingConfiguration.class, InboxConfiguration.class,
        IdempotencyConfiguration.class, DeadLettersConfiguration.class, ReconstitutionConfiguration.class,
        StoredEventsConfiguration.class, ProcessingConfiguration.class, WebConfiguration.class})
public class ServiceKitConfiguration {

    /** Every service publishes as {@code /<spring.application.name>}. */
    @Bean
    IntegrationEventPublisher integrationEventPublisher(KafkaTemplate<String, byte[]> kafka,
                                                       @Value("${spring.application.name}") String application,
                                                       MessageTracing tracing) {
        return new IntegrationEventPublisher(kafka, "/" + application, tracing);
    }

    @Bean(TopicNames.BEAN)
    TopicNames topicNames(@Value("${suite.topics.prefix:}") String prefix,
                          @Value("${spring.application.name}") String application) {
        return new TopicNames(prefix, application);
    }
}
