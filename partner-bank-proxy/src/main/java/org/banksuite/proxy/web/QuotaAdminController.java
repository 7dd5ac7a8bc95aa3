package org.banksuite.proxy.web;

import java.time.ZoneOffset;
import org.banksuite.proxy.api.ProxyAdminApi;
import org.banksuite.proxy.api.model.ProxyQuota;
import org.banksuite.proxy.api.model.QuotaLimits;
import org.banksuite.proxy.api.model.QuotaWindowUsage;
import org.banksuite.proxy.quota.QuotaUsage;
import org.banksuite.proxy.quota.SharedQuota;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The quota's limits, changed at runtime for every replica, and what each window has used. */
@RestController
class QuotaAdminController implements ProxyAdminApi {

    private final SharedQuota quota;

    QuotaAdminController(SharedQuota quota) {
        this.quota = quota;
    }

    @Override
    public ResponseEntity<ProxyQuota> getProxyQuota() {
        return ResponseEntity.ok(view(quota.usage()));
    }

    @Override
    public ResponseEntity<ProxyQuota> setProxyQuota(QuotaLimits limits) {
        double reserve = limits.getInteractiveReserve() == null
                ? org.banksuite.proxy.quota.domain.QuotaLimits.DEFAULT_INTERACTIVE_RESERVE : limits.getInteractiveReserve();
        quota.changeLimits(new org.banksuite.proxy.quota.domain.QuotaLimits(limits.getPerMinute(), limits.getPerHour(), reserve));
        return ResponseEntity.ok(view(quota.usage()));
    }

    private static ProxyQuota view(QuotaUsage usage) {
        ProxyQuota view = new ProxyQuota().limits(new QuotaLimits()
                .perMinute(usage.limits().perMinute())
                .perHour(usage.limits().perHour())
                .interactiveReserve(usage.limits().interactiveReserve()));
        usage.windows().forEach(window -> view.addWindowsItem(new QuotaWindowUsage(
                QuotaWindowUsage.WindowEnum.fromValue(window.window().name()), window.limit(), window.used(),
                window.endsAt().atOffset(ZoneOffset.UTC))));
        if (usage.corePausedUntil() != null) {
            view.corePausedUntil(usage.corePausedUntil().atOffset(ZoneOffset.UTC));
        }
        return view;
    }
}
