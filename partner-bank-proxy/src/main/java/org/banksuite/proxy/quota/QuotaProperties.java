package org.banksuite.proxy.quota;

import org.banksuite.proxy.quota.domain.QuotaLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxy.quota.*}: the limits a fresh database starts with (afterwards {@code PUT /admin/v1/quota} rules),
 * and the guard around window boundaries.
 */
@ConfigurationProperties("proxy.quota")
public record QuotaProperties(Long perMinute, Long perHour,
                              @DefaultValue("0.2") double interactiveReserve,
                              @DefaultValue("PT0.25S") Duration boundaryGuard) {

    QuotaLimits initialLimits() {
        return new QuotaLimits(perMinute, perHour, interactiveReserve);
    }
}
