package org.banksuite.kit.deadletters;

import java.time.Instant;

/** One thing support did to a dead-lettered sequence: who, what, when, why, and what came of it. */
public record AuditRecord(long id, Instant at, String supportUser, Action action, String processingGroup,
                          String sequenceId, String reason, String outcome) {

    public enum Action { RETRY, EVICTION }
}
