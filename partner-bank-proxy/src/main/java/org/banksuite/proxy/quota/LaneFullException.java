package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.Lane;
import java.time.Instant;

/** The lane's queue is full; nothing was sent to the core. */
public class LaneFullException extends RuntimeException {

    private final Instant retryAt;

    public LaneFullException(Lane lane, int capacity, Instant retryAt) {
        super("the " + lane.name().toLowerCase() + " lane already holds " + capacity + " waiting calls");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
