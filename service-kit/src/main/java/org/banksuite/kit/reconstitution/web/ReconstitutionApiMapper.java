package org.banksuite.kit.reconstitution.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.banksuite.kit.ops.api.model.Producer;
import org.banksuite.kit.ops.api.model.ReconstitutionJob;
import org.banksuite.kit.ops.api.model.ReconstitutionJobPage;
import org.banksuite.kit.ops.api.model.ReconstitutionJobRequest;
import org.banksuite.kit.ops.api.model.ReconstitutionJobStatus;
import org.banksuite.kit.ops.api.model.SampledEvent;
import org.banksuite.kit.reconstitution.Job;
import org.banksuite.kit.reconstitution.JobRequest;
import org.banksuite.kit.reconstitution.JobStatus;

/** Between the ops API's generated types and the kit's jobs. */
final class ReconstitutionApiMapper {

    private ReconstitutionApiMapper() {
    }

    static JobRequest request(ReconstitutionJobRequest body, String supportUser) {
        return new JobRequest(body.getReceiver().strip(), new org.banksuite.kit.reconstitution.Producer(
                body.getProducer().getDomain().strip(), body.getProducer().getEntityType().strip()),
                instant(body.getFrom()), instant(body.getTo()), body.getEntityIds(), body.getEventNames(),
                Boolean.TRUE.equals(body.getDryRun()), body.getMaxEventsPerSecond(), body.getReason().strip(),
                supportUser);
    }

    static JobStatus status(ReconstitutionJobStatus status) {
        return status == null ? null : JobStatus.valueOf(status.getValue());
    }

    static ReconstitutionJobPage page(java.util.List<Job> jobs, String next) {
        return new ReconstitutionJobPage().items(jobs.stream().map(ReconstitutionApiMapper::job).toList())
                .nextCursor(next);
    }

    static ReconstitutionJob job(Job job) {
        JobRequest request = job.request();
        return new ReconstitutionJob().jobId(job.jobId()).status(ReconstitutionJobStatus.valueOf(job.status().name()))
                .receiver(request.receiver()).topic(job.topic())
                .producer(new Producer(request.producer().domain(), request.producer().entityType()))
                .from(time(request.from())).to(time(request.to())).entityIds(request.entityIds())
                .eventNames(request.eventNames()).dryRun(request.dryRun())
                .maxEventsPerSecond(request.maxEventsPerSecond()).matched(job.matched()).published(job.published())
                .scanPosition(job.scanPosition()).scanEnd(job.scanEnd())
                .sample(request.dryRun() ? job.sample().stream().map(ReconstitutionApiMapper::sampled).toList() : null)
                .requestedBy(request.requestedBy()).reason(request.reason()).createdAt(time(job.createdAt()))
                .startedAt(time(job.startedAt())).finishedAt(time(job.finishedAt()))
                .cancelRequested(job.cancelRequested()).failure(job.failure());
    }

    private static SampledEvent sampled(org.banksuite.kit.reconstitution.SampledEvent event) {
        return new SampledEvent().eventId(event.eventId()).eventType(event.eventType()).subject(event.subject())
                .sequence(event.sequence()).time(time(event.time()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
