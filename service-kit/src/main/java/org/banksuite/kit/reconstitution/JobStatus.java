package org.banksuite.kit.reconstitution;

/** Where a reconstitution job is: waiting for a replica, publishing, or ended one of three ways. */
public enum JobStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
