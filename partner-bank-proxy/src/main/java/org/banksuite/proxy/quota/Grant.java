package org.banksuite.proxy.quota;

import java.time.Instant;

/** The shared quota's answer: a request may be sent now, or not before {@code retryAt}. */
public record Grant(boolean granted, Instant retryAt) {

    static Grant now() {
        return new Grant(true, null);
    }

    static Grant notBefore(Instant retryAt) {
        return new Grant(false, retryAt);
    }
}
