package org.banksuite.adapter.config;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' failure modes: sagas, the projection and the publisher must not skip an event; they stop and
 * retry with Axon's back-off until the cause is gone. The sagas never fail on the core's answers (every one is a
 * {@code CoreAnswer}), only when the adapter's own database or command handling fails. Inbound translation
 * dead-letters instead (service-kit).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfig {

    private static final List<String> NEVER_SKIP = List.of("OpenAccountSagaProcessor", "CloseAccountSagaProcessor",
            "RecordTypeChangeSagaProcessor", "PaymentSagaProcessor", "core-account-projection",
            "partner-bank-publisher");

    @Bean
    ConfigurerModule haltOnFailure() {
        return configurer -> NEVER_SKIP.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
