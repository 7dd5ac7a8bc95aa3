package org.banksuite.accounts.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.MetaDataSequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.banksuite.accounts.account.domain.Account;
import org.banksuite.accounts.account.messaging.AccountEventPublisher;
import org.banksuite.accounts.account.messaging.InboundEvents;
import org.banksuite.accounts.account.query.AccountProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How Axon is put together for this service: the aggregate, serialization, processors and their failure modes. */
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

    /** Inbound events wait only behind earlier events of the same entity when one of them fails. */
    @Bean
    SequencingPolicy<EventMessage<?>> inboundSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(InboundEvents.SUBJECT).build();
    }

    /**
     * The projection and the publisher must not skip an event that fails: they stop and retry with Axon's
     * back-off (1 s doubling to 60 s) until the cause is gone. Inbound translation dead-letters instead.
     */
    @Bean
    ConfigurerModule haltOnFailure() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(AccountProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(AccountEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
