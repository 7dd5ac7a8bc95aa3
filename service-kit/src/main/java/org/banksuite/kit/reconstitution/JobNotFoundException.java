package org.banksuite.kit.reconstitution;

import java.util.UUID;

public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(UUID jobId) {
        super("No reconstitution job " + jobId + " on this service");
    }
}
