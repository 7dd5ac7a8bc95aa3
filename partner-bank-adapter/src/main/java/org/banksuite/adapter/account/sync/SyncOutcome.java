package org.banksuite.adapter.account.sync;

import java.time.Duration;

/** How one sync run of an account ended: caught up, or to be run again after {@code runAgainAfter}. */
public record SyncOutcome(Duration runAgainAfter) {

    public static final SyncOutcome CAUGHT_UP = new SyncOutcome(null);

    public static SyncOutcome runAgainAfter(Duration wait) {
        return new SyncOutcome(wait);
    }

    public boolean caughtUp() {
        return runAgainAfter == null;
    }
}
