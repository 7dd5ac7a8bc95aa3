package org.banksuite.console.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.banksuite.api.ops.client.DeadLettersApi;

/**
 * The services whose {@code /ops/v1} API the console calls, by name in configuration order, each with its
 * generated client (calling with the signed-in person's token).
 *
 * @param deadLetters each service's dead-letter API
 */
public record OpsServices(Map<String, DeadLettersApi> deadLetters) {

    /** The services' names, in configuration order. */
    public List<String> names() {
        return List.copyOf(deadLetters.keySet());
    }

    /** The service's dead-letter API, or empty for a name not configured. */
    public Optional<DeadLettersApi> deadLetters(String service) {
        return Optional.ofNullable(deadLetters.get(service));
    }
}
