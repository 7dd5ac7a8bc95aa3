package org.banksuite.launcher;

import java.time.Duration;
import java.util.Map;

/**
 * How long {@code ./suite up} waits for each service's readiness probe: {@code SUITE_READY_TIMEOUT} in whole seconds,
 * 120 unless set. A busy machine (a build running beside the stack) may need more.
 */
final class ReadinessTimeout {

    static final String VARIABLE = "SUITE_READY_TIMEOUT";
    static final Duration DEFAULT = Duration.ofSeconds(120);

    private ReadinessTimeout() {
    }

    /** @throws IllegalArgumentException if the variable is set to anything but a positive whole number of seconds */
    static Duration from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be a positive number of seconds, not '" + value + "'");
        }
    }
}
