package org.banksuite.accounts.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.accounts.account.domain.Account;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon is put together for this service: the aggregate, serialization and what travels with messages. */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Registered here, not by a Spring stereotype on the aggregate, to keep Spring out of the domain. */
    @Bean
    ConfigurerModule accountAggregate() {
        return configurer -> configurer.configureAggregate(Account.class);
    }

    /**
     * Replay and merged tracking tokens are polymorphic; Jackson 3 denies every subtype of Object unless told
     * which packages it may resolve.
     */
    @Bean
    Jackson3SerializerCustomizer axonTypesAllowed() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.banksuite.")
                .allowIfSubType("java.util.")
                .build());
    }

    /** Correlation and causation ids, as Axon keeps them ({@code traceId}, {@code correlationId}). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** The W3C trace context of the request or record that caused an event travels on with it. */
    @Bean
    CorrelationDataProvider traceparent() {
        return new SimpleCorrelationDataProvider(Tracing.TRACEPARENT);
    }
}
