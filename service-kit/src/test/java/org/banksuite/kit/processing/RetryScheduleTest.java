package org.banksuite.kit.processing;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
    private final Instant failedAt = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void waitsTheFirstIntervalAfterTheFirstFailure() {
        assertThat(schedule.isDue(1, failedAt, failedAt.plusSeconds(29))).isFalse();
        assertThat(schedule.isDue(1, failedAt, failedAt.plusSeconds(30))).isTrue();
    }

    @Test
    void doublesTheWaitWithEveryFailedAttempt() {
        assertThat(schedule.waitAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.waitAfter(3)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void neverWaitsLongerThanTheMaximumInterval() {
        assertThat(schedule.waitAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 100).waitAfter(60))
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void leavesTheSequenceToSupportAfterTheLastAutomaticAttempt() {
        assertThat(schedule.isDue(5, failedAt, failedAt.plus(Duration.ofDays(1)))).isFalse();
    }
}
