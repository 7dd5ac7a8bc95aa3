package org.banksuite.kit.reconstitution;

import java.util.UUID;
import org.banksuite.kit.deadletters.AuditRecord.Action;
import org.banksuite.kit.deadletters.SupportAudit;
import org.springframework.transaction.support.TransactionTemplate;

/** What support does with reconstitution jobs on this service; creations and cancellations are audited. */
public class ReconstitutionJobs {

    private final JobValidation validation;
    private final JobStore store;
    private final SupportAudit audit;
    private final TransactionTemplate transaction;

    ReconstitutionJobs(JobValidation validation, JobStore store, SupportAudit audit, TransactionTemplate transaction) {
        this.validation = validation;
        this.store = store;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Accepts a job, which a replica starts within a poll interval; throws {@link InvalidJobException}. */
    public Job create(JobRequest request) {
        validation.validate(request);
        UUID jobId = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            store.insert(jobId, request);
            audit.recordJob(request.requestedBy(), Action.RECONSTITUTION_JOB_CREATED, jobId, request.reason(),
                    (request.dryRun() ? "DRY RUN " : "") + request.producer() + " to " + request.receiver()
                            + describe(request));
        });
        return get(jobId);
    }

    public Job get(UUID jobId) {
        return store.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    public JobStore.Page list(JobStatus status, int limit, String cursor) {
        return store.list(status, limit, cursor);
    }

    /** Cancels a pending job at once and a running one after its current batch. */
    public Job cancel(UUID jobId, String supportUser, String reason) {
        transaction.executeWithoutResult(tx -> {
            JobStatus now = store.cancel(jobId).orElseThrow(() -> new JobFinishedException(jobId, get(jobId).status()));
            audit.recordJob(supportUser, Action.RECONSTITUTION_JOB_CANCELLED, jobId, reason,
                    now == JobStatus.CANCELLED ? "CANCELLED" : "CANCEL REQUESTED while " + now);
        });
        return get(jobId);
    }

    private static String describe(JobRequest request) {
        StringBuilder text = new StringBuilder();
        if (request.from() != null || request.to() != null) {
            text.append(", stored from ").append(request.from() == null ? "the start" : request.from())
                    .append(" until ").append(request.to() == null ? "now" : request.to());
        }
        if (request.entityScoped()) {
            text.append(", ").append(request.entityIds().size()).append(" entities");
        }
        if (!request.eventNames().isEmpty()) {
            text.append(", events ").append(request.eventNames());
        }
        if (request.maxEventsPerSecond() != null) {
            text.append(", at most ").append(request.maxEventsPerSecond()).append("/s");
        }
        return text.toString();
    }
}
