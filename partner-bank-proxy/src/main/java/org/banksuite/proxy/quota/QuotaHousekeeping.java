package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.QuotaWindow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Seeds the configured limits into a fresh database, forgets old windows, and shows the quota's use as gauges. */
@Component
class QuotaHousekeeping {

    private final SharedQuota quota;

    QuotaHousekeeping(SharedQuota quota, QuotaProperties properties, MeterRegistry meters) {
        this.quota = quota;
        quota.seed(properties.initialLimits());
        for (QuotaWindow window : QuotaWindow.values()) {
            String tag = window.name().toLowerCase();
            Gauge.builder("proxy.quota.used", quota, q -> used(q.usage(), window))
                    .description("requests sent to the core in the current window, by all replicas")
                    .tag("window", tag).register(meters);
            Gauge.builder("proxy.quota.limit", quota, q -> limit(q.usage(), window))
                    .description("requests the current window allows (NaN: not limited)")
                    .tag("window", tag).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldWindows() {
        quota.forgetOldWindows();
    }

    private static double used(QuotaUsage usage, QuotaWindow window) {
        return usage.windows().stream().filter(w -> w.window() == window).mapToDouble(QuotaUsage.WindowUsage::used)
                .findFirst().orElse(Double.NaN);
    }

    private static double limit(QuotaUsage usage, QuotaWindow window) {
        return usage.windows().stream().filter(w -> w.window() == window).mapToDouble(QuotaUsage.WindowUsage::limit)
                .findFirst().orElse(Double.NaN);
    }
}
