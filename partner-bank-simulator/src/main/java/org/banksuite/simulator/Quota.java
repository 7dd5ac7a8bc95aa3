package org.banksuite.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The core's quota: a fixed window counter (calendar minutes or hours) on requests to {@code /core/**}. Set by
 * {@code simulator.quota.limit} and {@code simulator.quota.window}, and at runtime by {@code PUT /admin/v1/quota},
 * which starts counting afresh.
 */
@Component
public class Quota {

    public enum Window {
        MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS);

        private final ChronoUnit unit;

        Window(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    public record Settings(Long limit, Window window) {
    }

    /** @param refused how many requests were answered 429 since the simulator started (never reset) */
    public record State(long limit, Window window, long used, Instant windowEndsAt, long refused) {
    }

    /** Whether a request may pass, and if not, the seconds until the window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Clock clock;
    private long limit;
    private Window window;
    private Instant windowStart;
    private long used;
    private long refused;

    /** The windows are calendar minutes or hours of {@code clock} (the simulator's, see {@code ClockConfig}). */
    @Autowired
    Quota(@Value("${simulator.quota.limit:600}") long limit, @Value("${simulator.quota.window:MINUTE}") Window window,
          Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public synchronized Decision acquire() {
        roll();
        if (used < limit) {
            used++;
            return new Decision(true, 0);
        }
        refused++;
        long millis = windowEnd().toEpochMilli() - clock.millis();
        return new Decision(false, Math.max(1, (millis + 999) / 1000));
    }

    public synchronized State configure(Settings settings) {
        if (settings == null || settings.limit() == null || settings.limit() < 0 || settings.window() == null) {
            throw SimulatorProblem.invalid("limit (zero or more) and window (MINUTE or HOUR) are required");
        }
        this.limit = settings.limit();
        this.window = settings.window();
        this.windowStart = null;
        this.used = 0;
        return state();
    }

    public synchronized State state() {
        roll();
        return new State(limit, window, used, windowEnd(), refused);
    }

    private void roll() {
        Instant start = clock.instant().truncatedTo(window.unit);
        if (!start.equals(windowStart)) {
            windowStart = start;
            used = 0;
        }
    }

    private Instant windowEnd() {
        return windowStart.plus(1, window.unit);
    }
}
