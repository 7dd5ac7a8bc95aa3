package org.banksuite.kit.deadletters;

import java.time.Instant;
import java.util.Optional;

/**
 * A dead-lettered sequence as support lists it: its first letter is the one that failed ({@code eventType},
 * {@code cause}, {@code attempts}, first and last failure), {@code letters} counts it and those waiting behind it.
 */
public record SequenceSummary(String processingGroup, String sequenceId, long letters, String eventType,
                              Optional<LetterCause> cause, int attempts, Instant firstFailure, Instant lastFailure) {
}
