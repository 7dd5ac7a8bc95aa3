package org.banksuite.launcher.demo;

import java.time.Duration;

/** How one step of the scenario ended, and how long it took. */
public record StepOutcome(String title, Result result, String detail, Duration took) {

    public enum Result { AS_EXPECTED, NOT_AS_EXPECTED, NOT_PLAYED }

    public boolean asExpected() {
        return result == Result.AS_EXPECTED;
    }
}
