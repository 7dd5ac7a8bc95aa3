package org.banksuite.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The services {@code ./suite up} starts: the issuer first, once it is ready all the others at once, then the
 * support console once they are ready. A
 * service joins the local stack with one entry here (and its module in the {@code suite} script's
 * {@code SERVICE_MODULES}).
 */
final class Services {

    /** The OAuth issuer: started first, as every other service verifies tokens against it. No database. */
    static final ServiceDefinition ISSUER = new ServiceDefinition("auth-issuer", "SUITE_ISSUER_PORT", 8086, null);

    /**
     * The support console: started with the services, once the issuer is ready (it calls the services only when
     * asked). No database.
     */
    static final ServiceDefinition CONSOLE = new ServiceDefinition("support-console", "SUITE_CONSOLE_PORT", 8087, null);

    static final List<ServiceDefinition> ALL = List.of(
            ISSUER,
            new ServiceDefinition("accounts-service", "SUITE_ACCOUNTS_PORT", 8081, "accounts"),
            new ServiceDefinition("transfers-service", "SUITE_TRANSFERS_PORT", 8082, "transfers"),
            new ServiceDefinition("partner-bank-simulator", "SUITE_SIMULATOR_PORT", 8089, "simulator"),
            new ServiceDefinition("partner-bank-proxy", "SUITE_PROXY_PORT", 8084, "proxy"),
            new ServiceDefinition("partner-bank-adapter", "SUITE_ADAPTER_PORT", 8083, "adapter"),
            new ServiceDefinition("reconciliation-service", "SUITE_RECONCILIATION_PORT", 8085, "reconciliation"),
            CONSOLE);

    /** {@code SUITE_SERVICES=none} (or a comma-separated list of names) starts fewer of them. */
    static final String SELECTION_VARIABLE = "SUITE_SERVICES";

    private Services() {
    }

    static List<ServiceDefinition> selected(Map<String, String> environment) {
        String selection = environment.getOrDefault(SELECTION_VARIABLE, "").trim();
        if (selection.isEmpty() || selection.equals("all")) {
            return ALL;
        }
        Set<String> names = Arrays.stream(selection.split(",")).map(String::trim).collect(Collectors.toSet());
        return ALL.stream().filter(service -> names.contains(service.name())).toList();
    }
}
