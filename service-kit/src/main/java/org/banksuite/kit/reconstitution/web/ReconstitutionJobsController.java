package org.banksuite.kit.reconstitution.web;

import java.net.URI;
import java.util.UUID;
import org.banksuite.kit.deadletters.web.SupportActor;
import org.banksuite.kit.ops.api.ReconstitutionJobsApi;
import org.banksuite.kit.ops.api.model.CancellationRequest;
import org.banksuite.kit.ops.api.model.ReconstitutionJob;
import org.banksuite.kit.ops.api.model.ReconstitutionJobPage;
import org.banksuite.kit.ops.api.model.ReconstitutionJobRequest;
import org.banksuite.kit.ops.api.model.ReconstitutionJobStatus;
import org.banksuite.kit.reconstitution.Job;
import org.banksuite.kit.reconstitution.JobStore;
import org.banksuite.kit.reconstitution.ReconstitutionJobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ops/v1/reconstitution-jobs} of every service that imports the kit: {@code support} reads, cancels and
 * creates dry runs; a job that publishes needs {@code support-lead} (checked here, the path cannot show it). The
 * requester and canceller recorded are the token's subject.
 */
@RestController
class ReconstitutionJobsController implements ReconstitutionJobsApi {

    private final ReconstitutionJobs jobs;

    ReconstitutionJobsController(ReconstitutionJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public ResponseEntity<ReconstitutionJob> createReconstitutionJob(ReconstitutionJobRequest request) {
        SupportActor.checkMayCreateJob(Boolean.TRUE.equals(request.getDryRun()));
        Job job = jobs.create(ReconstitutionApiMapper.request(request, SupportActor.subject()));
        return ResponseEntity.accepted().location(URI.create(PATH_CREATE_RECONSTITUTION_JOB + "/" + job.jobId()))
                .body(ReconstitutionApiMapper.job(job));
    }

    @Override
    public ResponseEntity<ReconstitutionJobPage> listReconstitutionJobs(ReconstitutionJobStatus status, Integer limit,
                                                                        String cursor) {
        JobStore.Page page = jobs.list(ReconstitutionApiMapper.status(status), limit, cursor);
        return ResponseEntity.ok(ReconstitutionApiMapper.page(page.items(), page.next()));
    }

    @Override
    public ResponseEntity<ReconstitutionJob> getReconstitutionJob(UUID jobId) {
        return ResponseEntity.ok(ReconstitutionApiMapper.job(jobs.get(jobId)));
    }

    @Override
    public ResponseEntity<ReconstitutionJob> cancelReconstitutionJob(UUID jobId, CancellationRequest request) {
        Job job = jobs.cancel(jobId, SupportActor.subject(), request.getReason().strip());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReconstitutionApiMapper.job(job));
    }
}
