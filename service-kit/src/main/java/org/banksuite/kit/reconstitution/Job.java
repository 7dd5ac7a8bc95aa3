package org.banksuite.kit.reconstitution;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reconstitution job as support sees it. {@code scanPosition} of {@code scanEnd}: for a range job the event store
 * positions read through and the last one when it started; for an entity-scoped job the entities done and their
 * number.
 */
public record Job(UUID jobId, JobStatus status, JobRequest request, String topic, long matched, long published,
                  long scanPosition, Long scanEnd, List<SampledEvent> sample, Instant createdAt, Instant startedAt,
                  Instant finishedAt, boolean cancelRequested, String failure) {
}
