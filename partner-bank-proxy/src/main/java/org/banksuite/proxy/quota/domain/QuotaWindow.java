package org.banksuite.proxy.quota.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The core's fixed quota windows: calendar minutes and hours (UTC), the same boundaries the core counts in. */
public enum QuotaWindow {
    MINUTE(ChronoUnit.MINUTES), HOUR(ChronoUnit.HOURS);

    private final ChronoUnit unit;

    QuotaWindow(ChronoUnit unit) {
        this.unit = unit;
    }

    public Instant startOf(Instant moment) {
        return moment.truncatedTo(unit);
    }

    public Instant endOf(Instant moment) {
        return startOf(moment).plus(1, unit);
    }

    /** The start of the window's last tenth, from which batch work may use the interactive reserve. */
    public Instant reserveReleaseOf(Instant moment) {
        return endOf(moment).minus(unit.getDuration().dividedBy(10));
    }
}
