package org.banksuite.proxy.core;

import java.time.Instant;

/** The core answered 429 after all: its quota was used by someone else, or the limits here are set too high. */
public class CoreQuotaExceeded extends RuntimeException {

    private final Instant retryAt;

    CoreQuotaExceeded(Instant retryAt) {
        super("the core refused for its quota until " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
