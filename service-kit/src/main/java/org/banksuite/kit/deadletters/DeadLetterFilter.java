package org.banksuite.kit.deadletters;

import java.time.Instant;

/** Which sequences to list; a {@code null} field does not filter. */
public record DeadLetterFilter(String processingGroup, String entityId, String eventType, Instant failedSince) {

    boolean matches(SequenceSummary sequence) {
        return (entityId == null || entityId.equals(sequence.sequenceId()))
                && (eventType == null || eventType.equals(sequence.eventType()))
                && (failedSince == null || !sequence.lastFailure().isBefore(failedSince));
    }
}
