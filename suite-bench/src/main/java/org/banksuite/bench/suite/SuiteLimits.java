package org.banksuite.bench.suite;

import org.banksuite.api.core.client.SimulatorAdminApi;
import org.banksuite.api.core.client.model.QuotaSettings;
import org.banksuite.api.core.client.model.QuotaWindow;
import org.banksuite.api.proxy.client.ProxyAdminApi;
import org.banksuite.api.proxy.client.model.QuotaLimits;
import org.banksuite.launcher.demo.AccessTokens;

/**
 * Raises the partner core's request quota (the simulator's {@code PUT /admin/v1/quota}) and the proxy's limits
 * ({@code PUT /admin/v1/quota}) as the operator, so that the benchmark measures the suite and not the core's rate
 * limit. Nothing is restored afterwards: both stay raised until the services restart.
 */
public final class SuiteLimits {

    /** Per minute and per hour: far above anything the machine can send. */
    static final long UNLIMITED = 1_000_000_000L;

    private SuiteLimits() {
    }

    /** @return a line saying what was raised */
    public static String raise(String simulatorUrl, String proxyUrl, AccessTokens tokens) {
        SimulatorAdminApi core = new SimulatorAdminApi(new org.banksuite.api.core.client.invoker.ApiClient(
                org.banksuite.api.core.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(AccessTokens.bearer(tokens.client(AccessTokens.OPERATOR))).build())
                .setBasePath(simulatorUrl));
        ProxyAdminApi proxy = new ProxyAdminApi(new org.banksuite.api.proxy.client.invoker.ApiClient(
                org.banksuite.api.proxy.client.invoker.ApiClient.buildRestClientBuilder()
                        .requestInterceptor(AccessTokens.bearer(tokens.client(AccessTokens.OPERATOR))).build())
                .setBasePath(proxyUrl));
        core.setQuota(new QuotaSettings().limit(UNLIMITED).window(QuotaWindow.MINUTE));
        proxy.setProxyQuota(new QuotaLimits().perMinute(UNLIMITED).perHour(UNLIMITED));
        return "Raised the core's quota (simulator) to " + UNLIMITED + " requests per minute and the proxy's limits to "
                + UNLIMITED + " per minute and per hour; they are not restored (they hold until the services restart).";
    }
}
