package org.banksuite.console.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings ({@code console.*}).
 *
 * @param services       the services whose {@code /ops/v1} API the console calls, by name
 *                       ({@code console.services.<name>.base-url}), in the order the pages list them
 * @param connectTimeout how long a call waits to connect before the service shows as unavailable
 * @param readTimeout    how long a call waits for its answer (a retry of a long sequence takes a while)
 */
@ConfigurationProperties("console")
public record ConsoleProperties(
        Map<String, Service> services,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    public ConsoleProperties {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
    }

    /**
     * One service the console calls.
     *
     * @param baseUrl its address, e.g. {@code http://localhost:8081}
     */
    public record Service(URI baseUrl) {
    }
}
