package org.banksuite.kit.deadletters;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One letter of a sequence, with the event as it was stored and the envelope kept with it. */
public record LetterView(String eventId, String eventType, String payloadType, Map<String, Object> payload,
                         Map<String, String> metadata, Optional<LetterCause> cause, int attempts, Instant enqueuedAt,
                         Instant lastTouched) {
}
