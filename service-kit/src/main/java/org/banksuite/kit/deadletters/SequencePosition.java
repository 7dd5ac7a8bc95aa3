package org.banksuite.kit.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import org.banksuite.kit.query.InvalidCursorException;

/**
 * Where a page of sequences ends, in their order (longest-failing first), as an opaque cursor. A sequence retried
 * meanwhile leaves the list or moves behind; pages never repeat one.
 */
record SequencePosition(Instant firstFailure, String processingGroup, String sequenceId) {

    static final Comparator<SequencePosition> ORDER = Comparator.comparing(SequencePosition::firstFailure)
            .thenComparing(SequencePosition::processingGroup)
            .thenComparing(SequencePosition::sequenceId);
    private static final String PREFIX = "dl1";

    static SequencePosition of(SequenceSummary sequence) {
        return new SequencePosition(sequence.firstFailure(), sequence.processingGroup(), sequence.sequenceId());
    }

    boolean isBefore(SequenceSummary sequence) {
        return ORDER.compare(this, of(sequence)) < 0;
    }

    String encode() {
        String text = String.join("\n", PREFIX, firstFailure.toString(), processingGroup, sequenceId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static SequencePosition decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                throw new InvalidCursorException(cursor);
            }
            return new SequencePosition(Instant.parse(parts[1]), parts[2], parts[3]);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
