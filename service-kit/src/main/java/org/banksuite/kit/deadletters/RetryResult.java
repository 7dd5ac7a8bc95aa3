package org.banksuite.kit.deadletters;

import java.util.Optional;

/** What a retry did: {@code processed} when every letter of the sequence was handled and left the queue. */
public record RetryResult(String processingGroup, String sequenceId, boolean processed, long remainingLetters,
                          Optional<LetterCause> cause) {
}
