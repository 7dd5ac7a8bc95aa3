package org.banksuite.kit.query;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewWaitTest {

    @Test
    void answersTheFirstReadWhenItIsReady() {
        AtomicInteger reads = new AtomicInteger();

        int read = new ViewWait(Duration.ofSeconds(2)).until(reads::incrementAndGet, version -> version >= 1);

        assertThat(read).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainUntilTheViewIsReady() {
        AtomicInteger version = new AtomicInteger();

        int read = new ViewWait(Duration.ofSeconds(2)).until(version::incrementAndGet, v -> v >= 3);

        assertThat(read).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheBoundWithTheLastRead() {
        long started = System.nanoTime();

        int read = new ViewWait(Duration.ofMillis(100)).until(() -> 7, version -> version >= 8);

        assertThat(read).isEqualTo(7);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
}
