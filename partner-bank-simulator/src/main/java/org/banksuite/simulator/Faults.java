package org.banksuite.simulator;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The faults injected into {@code /core/**}, set by {@code PUT /admin/v1/faults}; none by default. */
@Component
public class Faults {

    public record Settings(Long latencyMillis, Double errorRate, Double resetRate, Double dropResponseAfterBookingRate) {

        static final Settings NONE = new Settings(0L, 0.0, 0.0, 0.0);

        Settings normalized() {
            Settings settings = new Settings(latencyMillis == null ? 0 : latencyMillis, rate(errorRate, "errorRate"),
                    rate(resetRate, "resetRate"), rate(dropResponseAfterBookingRate, "dropResponseAfterBookingRate"));
            if (settings.latencyMillis() < 0 || settings.latencyMillis() > 600_000) {
                throw SimulatorProblem.invalid("latencyMillis must be between 0 and 600000");
            }
            return settings;
        }

        private static double rate(Double rate, String name) {
            if (rate == null) {
                return 0;
            }
            if (rate < 0 || rate > 1) {
                throw SimulatorProblem.invalid(name + " must be between 0 and 1");
            }
            return rate;
        }
    }

    private final AtomicReference<Settings> settings = new AtomicReference<>(Settings.NONE);

    public Settings current() {
        return settings.get();
    }

    public Settings set(Settings requested) {
        if (requested == null) {
            throw SimulatorProblem.invalid("a body with the fault settings is required");
        }
        Settings normalized = requested.normalized();
        settings.set(normalized);
        return normalized;
    }

    public void clear() {
        settings.set(Settings.NONE);
    }

    static boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}
