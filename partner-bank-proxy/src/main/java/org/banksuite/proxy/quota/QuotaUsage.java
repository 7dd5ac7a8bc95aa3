package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.QuotaWindow;
import org.banksuite.proxy.quota.domain.QuotaLimits;
import java.time.Instant;
import java.util.List;

/** The limits in force and what each limited window has used, across all replicas. */
public record QuotaUsage(QuotaLimits limits, List<WindowUsage> windows, Instant corePausedUntil) {

    public record WindowUsage(QuotaWindow window, long limit, long used, Instant endsAt) {
    }
}
