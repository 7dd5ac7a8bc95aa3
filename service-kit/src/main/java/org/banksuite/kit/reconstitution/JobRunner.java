package org.banksuite.kit.reconstitution;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.events.EventCatalog;
import org.banksuite.kit.messaging.TopicNames;
import org.banksuite.kit.reconstitution.JobStore.Claim;
import org.banksuite.kit.reconstitution.JobStore.Progress;
import org.banksuite.kit.reconstitution.ReplayableEvents.PublishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this replica's share of the jobs, one at a time: takes the oldest pending job (or one whose replica died),
 * reads its events batch by batch, publishes each batch and waits for the broker, then checkpoints. A crash
 * anywhere republishes at most the last batch, which the receiver recognises within the job. Stopping the service
 * hands the job over at once instead of after its lease.
 */
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int SAMPLE_SIZE = 10;

    private final JobStore store;
    private final StoredEventScan scan;
    private final ReplayPublisher publisher;
    private final List<ReplayableEvents> producers;
    private final TopicNames topics;
    private final ReconstitutionSettings settings;
    private final String owner = "replica-" + UUID.randomUUID();
    private volatile ScheduledExecutorService worker;
    private volatile boolean stopping;

    JobRunner(JobStore store, StoredEventScan scan, ReplayPublisher publisher, List<ReplayableEvents> producers,
              TopicNames topics, ReconstitutionSettings settings) {
        this.store = store;
        this.scan = scan;
        this.publisher = publisher;
        this.producers = producers;
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void start() {
        stopping = false;
        worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("reconstitution").factory());
        worker.scheduleWithFixedDelay(this::runNextJobs, settings.pollInterval().toMillis(),
                settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && !worker.isShutdown();
    }

    private void runNextJobs() {
        try {
            Optional<Claim> claim;
            while (!stopping && (claim = store.claim(owner, settings.lease())).isPresent()) {
                run(claim.get());
            }
        } catch (RuntimeException e) {
            log.warn("Could not take a reconstitution job; trying again", e);
        }
    }

    private void run(Claim claim) {
        UUID jobId = claim.jobId();
        log.info("Reconstitution job {} runs: {}", jobId, claim.request());
        try {
            JobStatus end = replay(claim);
            if (end != null) {
                store.finish(jobId, owner, end, null);
                log.info("Reconstitution job {} ended {}", jobId, end);
            }
        } catch (Exception e) {
            log.warn("Reconstitution job {} failed", jobId, e);
            store.finish(jobId, owner, JobStatus.FAILED, e.toString());
        }
    }

    /** Returns how the job ended, or null if this replica no longer runs it. */
    private JobStatus replay(Claim claim) throws Exception {
        JobRequest request = claim.request();
        ReplayableEvents events = producers.stream().filter(p -> p.producer().equals(request.producer())).findFirst()
                .orElseThrow(() -> new IllegalStateException(request.producer() + " is no longer produced here"));
        Cursor cursor = new Cursor(claim);
        RateLimiter throttle = throttle(claim.jobId(), request.maxEventsPerSecond());
        int batchSize = request.maxEventsPerSecond() == null ? settings.batchSize()
                : Math.min(settings.batchSize(), request.maxEventsPerSecond());
        String topic = topics.reconstitution(request.receiver());
        while (true) {
            if (stopping) {
                store.checkpoint(claim.jobId(), owner, cursor.progress(), Duration.ZERO);
                return null;
            }
            if (request.entityScoped() && cursor.entity >= request.entityIds().size()) {
                return JobStatus.COMPLETED;
            }
            StoredEventScan.Batch batch = request.entityScoped()
                    ? scan.entity(events.aggregateType(), request.entityIds().get(cursor.entity), cursor.sequence,
                            claim.scanEnd(), request.from(), request.to(), batchSize)
                    : scan.range(events.aggregateType(), cursor.position, claim.scanEnd(), request.from(),
                            request.to(), batchSize);
            ReplayPublisher.Batch sending = publisher.batch(topic, claim.jobId());
            for (DomainEventMessage<?> stored : batch.events()) {
                Optional<PublishedEvent> published = events.published(stored).filter(p -> wanted(request, p));
                if (published.isEmpty()) {
                    continue;
                }
                cursor.matched++;
                if (request.dryRun()) {
                    sample(claim.jobId(), cursor.matched, published.get(), stored);
                } else {
                    acquire(throttle);
                    sending.send(published.get(), stored);
                }
            }
            cursor.published += sending.acknowledged();
            cursor.advance(request.entityScoped(), batch);
            Optional<Boolean> cancelRequested = store.checkpoint(claim.jobId(), owner, cursor.progress(),
                    settings.lease());
            if (cancelRequested.isEmpty()) {
                log.warn("Reconstitution job {} was taken over by another replica", claim.jobId());
                return null;
            }
            if (cancelRequested.get()) {
                return JobStatus.CANCELLED;
            }
            if (!request.entityScoped() && batch.exhausted()) {
                return JobStatus.COMPLETED;
            }
        }
    }

    private static boolean wanted(JobRequest request, PublishedEvent published) {
        return request.eventNames().isEmpty()
                || request.eventNames().contains(EventCatalog.entryOf(published.event()).eventName());
    }

    private void sample(UUID jobId, long matched, PublishedEvent published, DomainEventMessage<?> stored) {
        if (matched <= SAMPLE_SIZE) {
            store.sample(jobId, (int) matched, new SampledEvent(stored.getIdentifier(),
                    EventCatalog.typeOf(published.event()), published.event().subject(), published.sequence(),
                    stored.getTimestamp()));
        }
    }

    private static RateLimiter throttle(UUID jobId, Integer eventsPerSecond) {
        if (eventsPerSecond == null) {
            return null;
        }
        return RateLimiter.of("reconstitution-" + jobId, RateLimiterConfig.custom()
                .limitForPeriod(eventsPerSecond).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(1)).build());
    }

    private void acquire(RateLimiter throttle) {
        while (throttle != null && !throttle.acquirePermission()) {
            if (stopping) {
                throw new IllegalStateException("the service is stopping");
            }
        }
    }

    /** Where the job is; saved at every checkpoint. */
    private static final class Cursor {
        long position;
        int entity;
        long sequence;
        long matched;
        long published;

        Cursor(Claim claim) {
            position = claim.scanPosition();
            entity = claim.entityCursor();
            sequence = claim.sequenceCursor();
            matched = claim.matched();
            published = claim.published();
        }

        void advance(boolean entityScoped, StoredEventScan.Batch batch) {
            if (!entityScoped) {
                position = batch.lastPosition();
            } else if (batch.exhausted()) {
                entity++;
                sequence = -1;
            } else {
                sequence = batch.lastSequence();
            }
        }

        Progress progress() {
            return new Progress(position, entity, sequence, matched, published);
        }
    }
}
