package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.Lane;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This replica's priority lanes in front of the {@link SharedQuota}. A call with nobody ahead of it asks the quota
 * itself; otherwise it waits in its lane's bounded queue, and one dispatcher hands out requests as the quota has
 * room, interactive waiters always before batch waiters. A call that cannot be served within its lane's wait is
 * refused at once, with the time the quota has room again, instead of being held to no purpose.
 */
@Component
public class LaneScheduler {

    private static final Logger log = LoggerFactory.getLogger(LaneScheduler.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final SharedQuota quota;
    private final LaneProperties lanes;
    private final Clock clock;
    private final Duration recheck;
    private final MeterRegistry meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Lane, Deque<Waiter>> queues = new EnumMap<>(Lane.class);
    private final Thread dispatcher;
    private Lane refusedLane;
    private volatile boolean running = true;

    LaneScheduler(SharedQuota quota, LaneProperties lanes, Clock clock, MeterRegistry meters) {
        this.quota = quota;
        this.lanes = lanes;
        this.clock = clock;
        this.recheck = lanes.recheck();
        this.meters = meters;
        for (Lane lane : Lane.values()) {
            Deque<Waiter> queue = new ArrayDeque<>();
            queues.put(lane, queue);
            Gauge.builder("proxy.lane.queue.depth", this, scheduler -> scheduler.depth(lane))
                    .description("calls waiting in the lane for the core's quota")
                    .tag("lane", tag(lane)).register(meters);
        }
        dispatcher = Thread.ofPlatform().daemon().name("quota-dispatcher").start(this::dispatch);
    }

    /**
     * Returns once the call may be sent to the core, counted against the quota.
     *
     * @throws QuotaExhaustedException when the quota has no room within the lane's wait
     * @throws LaneFullException       when the lane's queue is full
     */
    public void acquire(Lane lane) {
        long started = System.nanoTime();
        String outcome = "refused";
        try {
            awaitTurn(lane);
            outcome = "granted";
        } finally {
            Timer.builder("proxy.lane.wait").description("time a call waited in its lane for the core's quota")
                    .tags("lane", tag(lane), "outcome", outcome).register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void awaitTurn(Lane lane) {
        LaneProperties.Limits limits = lanes.of(lane);
        Instant deadline = clock.instant().plus(limits.maxWait());
        if (nobodyAhead(lane)) {
            Grant grant = quota.tryAcquire(lane);
            if (grant.granted()) {
                return;
            }
            if (grant.retryAt().isAfter(deadline)) {
                throw new QuotaExhaustedException(lane, grant.retryAt());
            }
        }
        Waiter waiter = enqueue(lane, deadline, limits.capacity());
        try {
            waiter.turn.get(limits.maxWait().plus(POLL).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException refused) {
            if (refused.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(refused.getCause());
        } catch (TimeoutException tooLong) {
            withdraw(waiter);
            throw new QuotaExhaustedException(lane, clock.instant().plus(POLL));
        } catch (InterruptedException interrupted) {
            withdraw(waiter);
            Thread.currentThread().interrupt();
            throw new QuotaExhaustedException(lane, clock.instant().plus(POLL));
        }
    }

    private boolean nobodyAhead(Lane lane) {
        lock.lock();
        try {
            return queues.get(Lane.INTERACTIVE).isEmpty() && (lane == Lane.INTERACTIVE || queues.get(Lane.BATCH).isEmpty());
        } finally {
            lock.unlock();
        }
    }

    private Waiter enqueue(Lane lane, Instant deadline, int capacity) {
        lock.lock();
        try {
            Deque<Waiter> queue = queues.get(lane);
            if (queue.size() >= capacity) {
                throw new LaneFullException(lane, capacity, clock.instant().plus(POLL));
            }
            Waiter waiter = new Waiter(lane, deadline, new CompletableFuture<>());
            queue.addLast(waiter);
            if (refusedLane == null || lane.ordinal() < refusedLane.ordinal()) {
                changed.signal();
            }
            return waiter;
        } finally {
            lock.unlock();
        }
    }

    private void withdraw(Waiter waiter) {
        lock.lock();
        try {
            queues.get(waiter.lane).remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                Waiter head = awaitHead();
                if (head == null) {
                    continue;
                }
                Grant grant = quota.tryAcquire(head.lane);
                if (grant.granted()) {
                    hand(head);
                } else {
                    refuseThoseWhoCannotWait(head.lane, grant.retryAt());
                    sleepUntil(head.lane, grant.retryAt());
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failure) {
                log.warn("the quota could not be read; waiting calls are refused", failure);
                failAll(failure);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(POLL.toMillis() / 4);
            return true;
        } catch (InterruptedException stopping) {
            return false;
        }
    }

    private Waiter awaitHead() throws InterruptedException {
        lock.lock();
        try {
            Waiter head = head();
            if (head == null) {
                changed.await(recheck.toMillis(), TimeUnit.MILLISECONDS);
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    private Waiter head() {
        Instant now = clock.instant();
        for (Lane lane : Lane.values()) {
            Iterator<Waiter> waiting = queues.get(lane).iterator();
            while (waiting.hasNext()) {
                Waiter waiter = waiting.next();
                if (waiter.turn.isDone()) {
                    waiting.remove();
                } else if (now.isAfter(waiter.deadline)) {
                    waiting.remove();
                    waiter.turn.completeExceptionally(new QuotaExhaustedException(lane, now.plus(POLL)));
                } else {
                    return waiter;
                }
            }
        }
        return null;
    }

    private void hand(Waiter waiter) {
        lock.lock();
        try {
            queues.get(waiter.lane).remove(waiter);
            refusedLane = null;
        } finally {
            lock.unlock();
        }
        waiter.turn.complete(null);
    }

    /** Waiters of the refused lane and the lanes after it whose wait ends before {@code retryAt} hear so now. */
    private void refuseThoseWhoCannotWait(Lane refused, Instant retryAt) {
        lock.lock();
        try {
            for (Lane lane : Lane.values()) {
                if (lane.ordinal() < refused.ordinal()) {
                    continue;
                }
                queues.get(lane).removeIf(waiter -> {
                    if (waiter.deadline.isBefore(retryAt)) {
                        waiter.turn.completeExceptionally(new QuotaExhaustedException(lane, retryAt));
                        return true;
                    }
                    return false;
                });
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until the quota may have room, or a call of a higher lane than the refused one arrives. */
    private void sleepUntil(Lane refused, Instant retryAt) throws InterruptedException {
        long millis = Math.min(Duration.between(clock.instant(), retryAt).toMillis(), recheck.toMillis());
        if (millis <= 0) {
            return;
        }
        lock.lock();
        try {
            refusedLane = refused;
            changed.await(millis, TimeUnit.MILLISECONDS);
        } finally {
            refusedLane = null;
            lock.unlock();
        }
    }

    private void failAll(RuntimeException failure) {
        lock.lock();
        try {
            queues.values().forEach(queue -> {
                queue.forEach(waiter -> waiter.turn.completeExceptionally(failure));
                queue.clear();
            });
        } finally {
            lock.unlock();
        }
    }

    int depth(Lane lane) {
        lock.lock();
        try {
            return queues.get(lane).size();
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        dispatcher.interrupt();
        dispatcher.join(5_000);
        failAll(new QuotaExhaustedException(Lane.INTERACTIVE, clock.instant().plus(POLL)));
    }

    private static String tag(Lane lane) {
        return lane.name().toLowerCase();
    }

    private record Waiter(Lane lane, Instant deadline, CompletableFuture<Void> turn) {
    }
}
