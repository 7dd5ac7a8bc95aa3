package org.banksuite.console.reconstitution.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.banksuite.api.ops.client.model.ReconstitutionJob;
import org.banksuite.api.ops.client.model.ReconstitutionJobStatus;

/**
 * A job's progress as the job page's bar shows it (and its JSON endpoint gives it to the page's poll).
 *
 * @param status    the job's status
 * @param finished  whether it ended (completed, failed or cancelled): the page stops polling
 * @param matched   events found so far that match the job
 * @param published events the broker acknowledged (0 for a dry run)
 * @param percent   how far the job has read, 0 to 100 ({@code scanPosition} of {@code scanEnd}; 100 once completed)
 * @param rate      events per second since it started: published ones, or matched ones for a dry run
 * @param problem   why the service could not be asked, else null
 */
public record JobProgress(String status, boolean finished, long matched, long published, int percent, double rate,
                          String problem) {

    static JobProgress of(ReconstitutionJob job, Instant now) {
        ReconstitutionJobStatus status = job.getStatus();
        boolean finished = status == ReconstitutionJobStatus.COMPLETED || status == ReconstitutionJobStatus.FAILED
                || status == ReconstitutionJobStatus.CANCELLED;
        long matched = value(job.getMatched());
        long published = value(job.getPublished());
        int percent;
        if (status == ReconstitutionJobStatus.COMPLETED) {
            percent = 100;
        } else if (job.getScanEnd() != null && job.getScanEnd() > 0) {
            percent = (int) Math.min(100, Math.max(0, value(job.getScanPosition()) * 100 / job.getScanEnd()));
        } else {
            percent = 0;
        }
        return new JobProgress(status.getValue(), finished, matched, published, percent,
                rate(Boolean.TRUE.equals(job.getDryRun()) ? matched : published, job.getStartedAt(),
                        job.getFinishedAt(), now), null);
    }

    static JobProgress unknown(String problem) {
        return new JobProgress("UNKNOWN", false, 0, 0, 0, 0, problem);
    }

    private static double rate(long count, OffsetDateTime started, OffsetDateTime finished, Instant now) {
        if (started == null || count == 0) {
            return 0;
        }
        Instant end = finished == null ? now : finished.toInstant();
        double seconds = Math.max(Duration.between(started.toInstant(), end).toMillis(), 1) / 1000.0;
        return Math.round(count / seconds * 10) / 10.0;
    }

    private static long value(Long number) {
        return number == null ? 0 : number;
    }
}
