package org.banksuite.bench.suite;

import java.util.Map;
import org.banksuite.launcher.PortVariable;

/**
 * Where the local stack answers: the same {@code SUITE_*_PORT} variables and defaults as {@code ./suite up}
 * (suite-launcher's {@code Services} and {@code SuiteEnvironment}, package-private there; keep in step).
 */
public record SuitePorts(int accounts, int transfers, int adapter, int proxy, int reconciliation, int issuer,
                         int simulator, int kafka, int postgres) {

    /** @throws IllegalArgumentException when a variable is set to something that is not a port number */
    public static SuitePorts from(Map<String, String> environment) {
        return new SuitePorts(port(environment, "SUITE_ACCOUNTS_PORT", 8081),
                port(environment, "SUITE_TRANSFERS_PORT", 8082), port(environment, "SUITE_ADAPTER_PORT", 8083),
                port(environment, "SUITE_PROXY_PORT", 8084), port(environment, "SUITE_RECONCILIATION_PORT", 8085),
                port(environment, "SUITE_ISSUER_PORT", 8086), port(environment, "SUITE_SIMULATOR_PORT", 8089),
                port(environment, "SUITE_KAFKA_PORT", 9092), port(environment, "SUITE_POSTGRES_PORT", 5432));
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The HTTP ports of the services, for the readiness check. */
    public Map<String, Integer> services() {
        return Map.of("accounts-service", accounts, "transfers-service", transfers, "partner-bank-adapter", adapter,
                "partner-bank-proxy", proxy, "reconciliation-service", reconciliation, "auth-issuer", issuer,
                "partner-bank-simulator", simulator);
    }

    private static int port(Map<String, String> environment, String variable, int defaultPort) {
        return PortVariable.read(environment, variable, defaultPort);
    }
}
