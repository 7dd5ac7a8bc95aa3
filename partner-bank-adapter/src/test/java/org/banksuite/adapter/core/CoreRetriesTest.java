package org.banksuite.adapter.core;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoreRetriesTest {

    private final CoreRetries retries = new CoreRetries(Duration.ofSeconds(2), Duration.ofMinutes(5), 10);

    @Test
    void followsTheProxysRetryAfter() {
        assertThat(retries.waitAfter(new CoreAnswer.RetryLater<>(Duration.ofSeconds(42), "429"), 7))
                .isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void waitsAtLeastASecondWhenTheProxySaysZero() {
        assertThat(retries.waitAfter(new CoreAnswer.RetryLater<>(Duration.ZERO, "503"), 1))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void backsOffWhenTheProxySaysNothingAboutWhen() {
        assertThat(retries.waitAfter(new CoreAnswer.RetryLater<>(null, "503"), 3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void doublesTheWaitAfterEachFailure() {
        assertThat(retries.waitAfter(new CoreAnswer.Unknown<>("504"), 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.waitAfter(new CoreAnswer.Unknown<>("504"), 2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retries.waitAfter(new CoreAnswer.Unknown<>("504"), 5)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void keepsRetryingAtTheCapForever() {
        assertThat(retries.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(retries.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anOperationIsOverdueAfterItsTenthFailureInARow() {
        assertThat(retries.overdue(9)).isFalse();
        assertThat(retries.overdue(10)).isTrue();
    }
}
