package org.banksuite.kit.reconstitution;

import java.util.UUID;

public class JobFinishedException extends RuntimeException {

    public JobFinishedException(UUID jobId, JobStatus status) {
        super("Reconstitution job " + jobId + " already ended " + status);
    }
}
