package org.banksuite.kit.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event whose type has no stable name is never stored: publishing it fails, naming the class to declare. */
class UnnamedEventGuardTest {

    record ParcelSent(String parcelId) {
    }

    record ParcelLost(String parcelId) {
    }

    private final Configuration axon = configured(StableNameSerializer.create(
            StoredEventTypes.builder().event(ParcelSent.class, "parcels.ParcelSent").build(),
            AxonJackson::allowAxonAndSuiteTypes));

    @AfterEach
    void shutDown() {
        axon.shutdown();
    }

    @Test
    void refusesToStoreAnEventWithoutAStableName() {
        assertThatThrownBy(() -> axon.eventBus().publish(GenericEventMessage.asEventMessage(new ParcelLost("p-1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ParcelLost.class.getName());

        assertThat(axon.eventStore().openStream(null).hasNextAvailable()).isFalse();
    }

    @Test
    void storesANamedEvent() {
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new ParcelSent("p-1")));

        assertThat(axon.eventStore().openStream(null).hasNextAvailable()).isTrue();
    }

    private static Configuration configured(StableNameSerializer serializer) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureSerializer(c -> serializer);
        new StoredEventsConfiguration().unnamedEventsRefused(serializer).configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return configuration;
    }
}
