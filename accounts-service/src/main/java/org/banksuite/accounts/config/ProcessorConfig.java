package org.banksuite.accounts.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.banksuite.accounts.account.messaging.AccountEventPublisher;
import org.banksuite.accounts.account.query.AccountProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' failure modes. The projection and the publisher must not skip an event: they stop and
 * retry with Axon's back-off (1 s doubling to 60 s) until the cause is gone. Inbound translation dead-letters a
 * failed event instead (the service kit's inbox), holding back only later events of the same entity.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfig {

    @Bean
    ConfigurerModule haltOnFailure() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(AccountProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(AccountEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
