package org.banksuite.kit.axon;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's serializers and upcasters as every service runs them: one {@link StableNameSerializer} for events, messages
 * and everything else Axon stores, built from the service's {@link StoredEventTypes} bean (the inbox's types alone if
 * it declares none) and all its {@link Jackson3SerializerCustomizer}s in order; the registry's upcaster chain; and a
 * guard that refuses to publish, hence to store, an event whose type has no stable name.
 */
@Configuration(proxyBeanMethods = false)
public class StoredEventsConfiguration {

    /** Declared here, so Axon's auto-configuration builds none of its own (and takes only one customizer). */
    @Bean
    @Primary
    Serializer serializer(ObjectProvider<StoredEventTypes> types,
                          ObjectProvider<Jackson3SerializerCustomizer> customizers) {
        List<Jackson3SerializerCustomizer> inOrder = customizers.orderedStream().toList();
        return StableNameSerializer.create(types.getIfAvailable(() -> StoredEventTypes.builder().build()),
                builder -> inOrder.forEach(customizer -> customizer.accept(builder)));
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    EventUpcaster storedEventUpcasters(Serializer serializer) {
        return ((StableNameSerializer) serializer).types().upcasterChain();
    }

    @Bean
    ConfigurerModule unnamedEventsRefused(Serializer serializer) {
        StoredEventTypes types = ((StableNameSerializer) serializer).types();
        return configurer -> configurer.onInitialize(axon -> axon.onStart(Phase.EXTERNAL_CONNECTIONS,
                () -> axon.eventBus().registerDispatchInterceptor(new UnnamedEventGuard(types))));
    }
}
