package org.banksuite.transfers.config;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event processors' failure modes: the saga, the projections and the publisher must not skip an event; they stop
 * and retry with Axon's back-off until the cause is gone. Inbound translation dead-letters instead (service-kit).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorConfig {

    static final String SAGA_PROCESSOR = "TransferSagaProcessor";
    private static final List<String> NEVER_SKIP = List.of(SAGA_PROCESSOR, "transfer-projection", "account-replica",
            "transfer-publisher");

    @Bean
    ConfigurerModule haltOnFailure() {
        return configurer -> NEVER_SKIP.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
