package org.banksuite.console.reconstitution.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.banksuite.api.ops.client.ReconstitutionJobsApi;
import org.banksuite.api.ops.client.model.CancellationRequest;
import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobRequest;
import org.banksuite.api.ops.client.model.ReconstitutionProducerInfo;
import org.banksuite.console.config.OpsServices;
import org.banksuite.console.deadletters.client.OpsAnswer;
import org.banksuite.console.deadletters.client.OpsRefusals;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The console's side of every service's reconstitution API ({@code /ops/v1/reconstitution-producers} and
 * {@code /ops/v1/reconstitution-jobs}, ops-v1.yaml), called with the signed-in person's token: what the services
 * announce for the form, the jobs of all of them, one job, a dry run, the real run of a dry run's job, and
 * cancellation. A service's refusal (403 for a real run without {@code support-lead}, 422 naming a field) or
 * silence comes back as an {@link OpsAnswer} or an {@code unavailable} line; nothing here throws for what a service
 * answers.
 */
@Component
public class ReconstitutionDesk {

    /** The newest jobs of each service the table shows (the API's page maximum). */
    private static final int JOBS_PER_SERVICE = 100;

    private final OpsServices services;

    public ReconstitutionDesk(OpsServices services) {
        this.services = services;
    }

    /** What every service announces a job may name; a service that does not answer is listed as unavailable. */
    public Announcements announcements() {
        List<ProducerChoice> producers = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String service : services.names()) {
            try {
                for (ReconstitutionProducerInfo info : services.producers(service).orElseThrow()
                        .listReconstitutionProducers().getItems()) {
                    producers.add(new ProducerChoice(service, info.getProducer().getDomain(),
                            info.getProducer().getEntityType(), info.getTopic(), info.getEventNames(),
                            info.getReceivers()));
                }
            } catch (RestClientException failed) {
                unavailable.add(OpsRefusals.describe(service, failed));
            }
        }
        return new Announcements(producers, unavailable);
    }

    /** The newest jobs of every service together, newest first. */
    public JobsAcross jobs() {
        List<JobRow> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String service : services.names()) {
            try {
                services.jobs(service).orElseThrow().listReconstitutionJobs(null, JOBS_PER_SERVICE, null).getItems()
                        .forEach(job -> rows.add(new JobRow(service, job)));
            } catch (RestClientException failed) {
                unavailable.add(OpsRefusals.describe(service, failed));
            }
        }
        rows.sort(Comparator.comparing((JobRow row) -> row.job().getCreatedAt(),
                Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())));
        return new JobsAcross(rows, unavailable);
    }

    /** One job with its progress. */
    public OpsAnswer<ReconstitutionJob> job(String service, UUID jobId) {
        return call(service, api -> OpsAnswer.done("", api.getReconstitutionJob(jobId)));
    }

    /** Asks {@code service} for a dry run of {@code request} (its {@code dryRun} is set here). */
    public OpsAnswer<ReconstitutionJob> dryRun(String service, ReconstitutionJobRequest request) {
        return call(service, api -> {
            ReconstitutionJob job = api.createReconstitutionJob(request.dryRun(true));
            return OpsAnswer.done("Dry run accepted by " + service + ".", job);
        });
    }

    /**
     * Runs for real what the dry run {@code dryRun} counted (same receiver, producer, time range, entities and
     * events), for {@code reason}: a support lead's action, which the service refuses with 403 to others.
     */
    public OpsAnswer<ReconstitutionJob> run(String service, ReconstitutionJob dryRun, String reason) {
        ReconstitutionJobRequest request = new ReconstitutionJobRequest().receiver(dryRun.getReceiver())
                .producer(dryRun.getProducer()).from(dryRun.getFrom()).to(dryRun.getTo())
                .entityIds(dryRun.getEntityIds()).eventNames(dryRun.getEventNames()).dryRun(false)
                .reason(reason.strip());
        return call(service, api -> {
            ReconstitutionJob job = api.createReconstitutionJob(request);
            return OpsAnswer.done("Job accepted by " + service + ": it publishes to " + job.getTopic() + ".", job);
        });
    }

    /** Cancels a job for {@code reason}; a running one stops after its current batch. */
    public OpsAnswer<ReconstitutionJob> cancel(String service, UUID jobId, String reason) {
        return call(service, api -> {
            ReconstitutionJob job = api.cancelReconstitutionJob(jobId, new CancellationRequest().reason(reason.strip()));
            return OpsAnswer.done("Cancellation asked: the job is " + job.getStatus()
                    + (Boolean.TRUE.equals(job.getCancelRequested()) && job.getStatus()
                    == org.banksuite.api.ops.client.model.ReconstitutionJobStatus.RUNNING
                    ? " and stops after its current batch." : "."), job);
        });
    }

    private <T> OpsAnswer<T> call(String service, Function<ReconstitutionJobsApi, OpsAnswer<T>> call) {
        return services.jobs(service).map(api -> {
            try {
                return call.apply(api);
            } catch (RestClientException failed) {
                return OpsAnswer.<T>refused(OpsRefusals.describe(service, failed));
            }
        }).orElseGet(() -> OpsAnswer.refused("No service " + service + " is configured."));
    }
}
