package org.banksuite.kit.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's event store as the message source of its pooled streaming processors, with streams that wake their
 * processor as soon as new events are in the store. Configured per processor as Axon's
 * {@code axon.eventhandling.processors.<name>.source: wakingEventSource}.
 * <p>
 * Why: a pooled streaming processor that has read everything asks its stream for an availability callback; the
 * embedded event store's streams offer none (Axon 4.13), so the processor looks again only every 500 ms. Each hop of a
 * transfer passes two such processors (the inbox's translation, then the publisher to Kafka), which made an idle
 * suite take seconds per transfer. Here one watcher thread tails the store from its head, woken by the store itself
 * (at once after a commit in this process; by its fetch, every second, for commits of other processes), and runs the
 * callback of every open stream when events arrived. The processors read the events through their own streams,
 * exactly as before: the watcher reads no payload and decides nothing, and the tokens, order and dead letters are
 * Axon's as they were.
 * <p>
 * The watcher starts with the first stream that asks for a callback and stops at {@link #stop()} (the service's
 * shutdown).
 */
public class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The bean name the processors' {@code source} property gives. */
    public static final String BEAN = "wakingEventSource";

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean stopped;

    /** @param store the service's event store, whose streams this source hands out */
    public WakingEventSource(EventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Stops the watcher; streams opened afterwards are the store's plain ones again (polled every 500 ms). */
    public void stop() {
        stopped = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
    }

    private synchronized void ensureWatching() {
        if (watcher == null && !stopped) {
            TrackingToken head = store.createHeadToken(); // here, so that whatever is stored from now on wakes
            watcher = Thread.ofPlatform().daemon().name("event-store-watcher").start(() -> watch(head));
        }
    }

    private void watch(TrackingToken from) {
        TrackingToken start = from;
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(start)) {
                while (!stopped) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        wakeAll();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Watching the event store failed; its processors look every 500 ms until it watches "
                        + "again: {}", e.toString());
                wakeAll();
                if (!pause()) {
                    return;
                }
                start = store.createHeadToken();
            }
        }
    }

    private void wakeAll() {
        callbacks.forEach(Runnable::run);
    }

    private static boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A stream of the store that supports {@link #setOnAvailableCallback}; everything else is the store's own. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            forgetCallback();
            callback = onAvailable;
            callbacks.add(onAvailable);
            ensureWatching();
            return !stopped;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            forgetCallback();
            delegate.close();
        }

        private void forgetCallback() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
        }
    }
}
