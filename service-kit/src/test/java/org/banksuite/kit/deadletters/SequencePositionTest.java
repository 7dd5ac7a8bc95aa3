package org.banksuite.kit.deadletters;

import java.time.Instant;
import java.util.Optional;
import org.banksuite.kit.query.InvalidCursorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencePositionTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00.123456Z");

    @Test
    void readsBackTheCursorItWrote() {
        SequencePosition position = new SequencePosition(T, "inbound", "account-1");

        assertThat(SequencePosition.decode(position.encode())).isEqualTo(position);
    }

    @Test
    void comesBeforeSequencesThatFailedLaterOrShareItsTimeWithAGreaterId() {
        SequencePosition position = new SequencePosition(T, "inbound", "b");

        assertThat(position.isBefore(sequence(T.plusMillis(1), "a"))).isTrue();
        assertThat(position.isBefore(sequence(T, "c"))).isTrue();
        assertThat(position.isBefore(sequence(T, "b"))).isFalse();
        assertThat(position.isBefore(sequence(T.minusMillis(1), "z"))).isFalse();
    }

    @Test
    void refusesACursorItDidNotWrite() {
        assertThatThrownBy(() -> SequencePosition.decode("bm9wZQ")).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> SequencePosition.decode("%%%")).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void filtersByEntityTypeAndLastFailure() {
        SequenceSummary sequence = sequence(T, "account-1");

        assertThat(new DeadLetterFilter(null, "account-1", "x.Y.v1", T).matches(sequence)).isTrue();
        assertThat(new DeadLetterFilter(null, "account-2", null, null).matches(sequence)).isFalse();
        assertThat(new DeadLetterFilter(null, null, "x.Z.v1", null).matches(sequence)).isFalse();
        assertThat(new DeadLetterFilter(null, null, null, T.plusSeconds(1)).matches(sequence)).isFalse();
    }

    private static SequenceSummary sequence(Instant firstFailure, String id) {
        return new SequenceSummary("inbound", id, 1, "x.Y.v1", Optional.empty(), 1, firstFailure, firstFailure);
    }
}
