package org.banksuite.console.deadletters.web;

import java.time.Duration;

/** A letter's age in words a person reads at a glance: {@code 42 s}, {@code 7 min}, {@code 3 h 5 min}, {@code 2 d 4 h}. */
final class Ages {

    private Ages() {
    }

    static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86400 + " d " + seconds % 86400 / 3600 + " h";
    }
}
