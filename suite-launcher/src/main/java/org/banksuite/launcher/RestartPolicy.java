package org.banksuite.launcher;

import java.time.Duration;
import java.util.Map;

/**
 * {@code SUITE_RESTART}: whether the launcher starts a part of the stack again after it died on its own ({@code yes},
 * the default) or only reports it ({@code no}), and how long it waits first: 1 s, doubled for each death that came
 * within a minute of the part's previous start (a part that cannot stay up is not restarted in a tight loop), at most
 * 30 s.
 *
 * @param enabled whether dead parts are started again
 */
record RestartPolicy(boolean enabled) {

    static final String VARIABLE = "SUITE_RESTART";
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    /** A part that ran at least this long before it died counts as having recovered: its back-off starts afresh. */
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    /**
     * @throws IllegalArgumentException when {@code SUITE_RESTART} is set to anything but {@code yes} or {@code no}
     */
    static RestartPolicy from(Map<String, String> environment) {
        String value = environment.getOrDefault(VARIABLE, "").trim();
        return switch (value) {
            case "", "yes" -> new RestartPolicy(true);
            case "no" -> new RestartPolicy(false);
            default -> throw new IllegalArgumentException(VARIABLE + " must be yes or no, not '" + value + "'");
        };
    }

    /**
     * @param quickDeaths how many times in a row the part died within {@link #STABLE_AFTER} of its start
     * @return how long to wait before starting it again
     */
    static Duration backOff(int quickDeaths) {
        long seconds = FIRST_BACK_OFF.toSeconds() << Math.min(quickDeaths, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACK_OFF.toSeconds()));
    }
}
