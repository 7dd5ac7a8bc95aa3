package org.banksuite.proxy.quota.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Requests allowed per window ({@code null}: that window is not limited), and the share of each window kept for
 * the interactive lane: batch work may not use it until the window's last tenth (counted by {@code take_quota}).
 */
public record QuotaLimits(Long perMinute, Long perHour, double interactiveReserve) {

    public static final double DEFAULT_INTERACTIVE_RESERVE = 0.2;

    public QuotaLimits {
        if (perMinute == null && perHour == null) {
            throw new InvalidQuotaLimitsException("at least one of perMinute and perHour is required");
        }
        if ((perMinute != null && perMinute < 0) || (perHour != null && perHour < 0)) {
            throw new InvalidQuotaLimitsException("limits are zero or more");
        }
        if (interactiveReserve < 0 || interactiveReserve > 0.9) {
            throw new InvalidQuotaLimitsException("interactiveReserve is between 0 and 0.9");
        }
    }

    /** The limited windows and their limits. */
    public Map<QuotaWindow, Long> limited() {
        Map<QuotaWindow, Long> windows = new EnumMap<>(QuotaWindow.class);
        if (perHour != null) {
            windows.put(QuotaWindow.HOUR, perHour);
        }
        if (perMinute != null) {
            windows.put(QuotaWindow.MINUTE, perMinute);
        }
        return windows;
    }
}
