package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.Lane;
import java.time.Instant;

/** The quota has no room for the call within its lane's wait; nothing was sent to the core. */
public class QuotaExhaustedException extends RuntimeException {

    private final Instant retryAt;

    public QuotaExhaustedException(Lane lane, Instant retryAt) {
        super("the core's quota has no room for the " + lane.name().toLowerCase() + " lane before " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
