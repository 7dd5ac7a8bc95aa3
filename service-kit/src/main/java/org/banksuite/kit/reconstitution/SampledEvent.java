package org.banksuite.kit.reconstitution;

import java.time.Instant;

/** One of the first matching events a dry run shows. */
public record SampledEvent(String eventId, String eventType, String subject, long sequence, Instant time) {
}
