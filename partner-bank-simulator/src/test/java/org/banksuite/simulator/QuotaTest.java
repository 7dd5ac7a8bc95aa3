package org.banksuite.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aFixedWindowRefusesBeyondItsLimitUntilTheWindowEnds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:15:20.500Z"));
        Quota quota = new Quota(2, Quota.Window.MINUTE, clock);

        assertThat(quota.acquire().allowed()).isTrue();
        assertThat(quota.acquire().allowed()).isTrue();
        Quota.Decision refused = quota.acquire();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(40); // 39.5 s left, rounded up

        clock.now = clock.now.plus(Duration.ofMillis(39_499));
        assertThat(quota.acquire().retryAfterSeconds()).isEqualTo(1);
        clock.now = Instant.parse("2026-11-22T10:16:00Z");
        assertThat(quota.acquire().allowed()).isTrue();
        assertThat(quota.state().used()).isEqualTo(1);
    }

    @Test
    void anHourlyWindowEndsAtTheFullHourAndReconfiguringStartsAfresh() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:59:00Z"));
        Quota quota = new Quota(1, Quota.Window.HOUR, clock);
        quota.acquire();

        assertThat(quota.acquire().retryAfterSeconds()).isEqualTo(60);
        assertThat(quota.state().windowEndsAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));

        quota.configure(new Quota.Settings(3L, Quota.Window.MINUTE));
        assertThat(quota.acquire().allowed()).isTrue();
        assertThat(quota.state().windowEndsAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(quota.state().limit()).isEqualTo(3);
    }

    @Test
    void countsEveryRefusalSinceTheStartAcrossWindowsAndReconfigurations() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:15:20Z"));
        Quota quota = new Quota(1, Quota.Window.MINUTE, clock);
        quota.acquire();
        quota.acquire();
        quota.acquire();

        clock.now = Instant.parse("2026-11-22T10:16:00Z");
        quota.configure(new Quota.Settings(0L, Quota.Window.MINUTE));
        quota.acquire();

        assertThat(quota.state().refused()).isEqualTo(3);
        assertThat(quota.state().used()).isZero();
    }
}
