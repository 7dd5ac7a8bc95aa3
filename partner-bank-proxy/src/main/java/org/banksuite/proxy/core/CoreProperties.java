package org.banksuite.proxy.core;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code proxy.core.*}: where the core is, how long to wait for it, and how to retry it. A core {@code 429} is
 * retried only when its {@code Retry-After} is at most {@code maxRetryAfter}; otherwise the caller hears it.
 */
@ConfigurationProperties("proxy.core")
public record CoreProperties(URI baseUrl,
                             @DefaultValue("PT2S") Duration connectTimeout,
                             @DefaultValue("PT5S") Duration readTimeout,
                             @DefaultValue("3") int maxAttempts,
                             @DefaultValue("PT0.2S") Duration firstBackoff,
                             @DefaultValue("PT2S") Duration maxRetryAfter) {
}
