package org.banksuite.kit.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pooled processors' source: a stream asks for a callback and is woken when events are stored after that. */
class WakingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final WakingEventSource source = new WakingEventSource(store);

    @AfterEach
    void stop() {
        source.stop();
        store.shutDown();
    }

    @Test
    void wakesAStreamWhoseProcessorReadEverythingWhenAnEventIsStored() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            store.publish(GenericEventMessage.asEventMessage("after"));

            assertThat(woken.await(30, TimeUnit.SECONDS)).as("woken").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws Exception {
        CountDownLatch closedOne = new CountDownLatch(1);
        CountDownLatch openOne = new CountDownLatch(1);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(closedOne::countDown);
        closed.close();
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(null)) {
            open.setOnAvailableCallback(openOne::countDown);

            store.publish(GenericEventMessage.asEventMessage("event"));

            assertThat(openOne.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(closedOne.getCount()).isEqualTo(1);
        }
    }
}
