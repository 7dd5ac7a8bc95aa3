package org.banksuite.kit.deadletters;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing support did, to a dead-lettered sequence ({@code processingGroup}, {@code sequenceId}) or to a
 * reconstitution job ({@code jobId}): who, what, when, why, and what came of it.
 */
public record AuditRecord(long id, Instant at, String supportUser, Action action, String processingGroup,
                          String sequenceId, UUID jobId, String reason, String outcome) {

    public enum Action { RETRY, EVICTION, RECONSTITUTION_JOB_CREATED, RECONSTITUTION_JOB_CANCELLED,
        /** Support asked transfers-service to settle a reserved transfer; the sequence id is the transfer's. */
        TRANSFER_RESOLUTION_REQUESTED }
}
