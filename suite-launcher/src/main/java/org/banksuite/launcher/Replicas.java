package org.banksuite.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SUITE_REPLICAS}: how many instances of each of the suite's own services run (1 unless set; 1 to 3). They share
 * PostgreSQL (same database and role) and Kafka (same consumer groups), so Kafka splits the partitions and Axon the
 * processors' segments between them. The issuer, the support console and the partner-bank-simulator run once: the
 * issuer keeps its console sign-ins in memory (a second one would not know the first one's codes), the console's
 * sessions are in memory too and it is a tool for a few people, and the simulator plays the partner bank's core,
 * which is outside the suite and not the suite's to scale.
 * Replica n listens on its service's port + 100·(n−1) and logs to {@code <service>-<n>.log} (replica 1 keeps the
 * service's own name).
 *
 * @param count the number of replicas of each replicated service
 */
record Replicas(int count) {

    static final String VARIABLE = "SUITE_REPLICAS";
    static final int MAX = 3;
    static final int PORT_STEP = 100;
    private static final Set<String> SINGLE = Set.of("auth-issuer", "support-console", "partner-bank-simulator");

    Replicas {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException(VARIABLE + " must be 1, 2 or 3, not " + count);
        }
    }

    /**
     * @param environment the environment variables
     * @return {@code SUITE_REPLICAS}, 1 when unset or blank
     * @throws IllegalArgumentException when it is set to anything but 1, 2 or 3
     */
    static Replicas from(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return new Replicas(1);
        }
        try {
            return new Replicas(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(VARIABLE + " must be 1, 2 or 3, not '" + value + "'");
        }
    }

    /** Whether the service runs {@link #count()} times (the suite's own services) or once. */
    static boolean replicated(ServiceDefinition service) {
        return !SINGLE.contains(service.name());
    }

    /** How many instances of this service run. */
    int of(ServiceDefinition service) {
        return replicated(service) ? count : 1;
    }

    /** Replica n's port: the service's port + 100·(n−1). */
    static int port(int servicePort, int replica) {
        return servicePort + PORT_STEP * (replica - 1);
    }

    /** Replica n's name in logs, tables and {@code processes.json}: the service's for replica 1, else {@code <service>-<n>}. */
    static String instanceName(String service, int replica) {
        return replica == 1 ? service : service + "-" + replica;
    }

    /**
     * Checks that no two parts of the stack would listen on the same port (PostgreSQL, Kafka and its controller, and
     * every replica of every service, selected or not).
     *
     * @throws IllegalArgumentException naming both parts of the first clash
     */
    void requireDistinctPorts(Map<String, String> environment, List<ServiceDefinition> services) {
        SuiteEnvironment infrastructure = SuiteEnvironment.from(environment);
        Map<Integer, String> owners = new LinkedHashMap<>();
        claim(owners, infrastructure.postgresPort(), "PostgreSQL (SUITE_POSTGRES_PORT)");
        claim(owners, infrastructure.kafkaPort(), "Kafka (SUITE_KAFKA_PORT)");
        claim(owners, infrastructure.kafkaControllerPort(), "Kafka's controller (SUITE_KAFKA_CONTROLLER_PORT)");
        for (ServiceDefinition service : services) {
            for (int replica = 1; replica <= of(service); replica++) {
                claim(owners, port(service.port(environment), replica), instanceName(service.name(), replica) + " ("
                        + service.portVariable() + (replica > 1 ? " + " + PORT_STEP * (replica - 1) : "") + ")");
            }
        }
    }

    private void claim(Map<Integer, String> owners, int port, String part) {
        String other = owners.putIfAbsent(port, part);
        if (other != null) {
            throw new IllegalArgumentException("port " + port + " would be used twice, by " + other + " and by " + part
                    + (count > 1 ? " (" + VARIABLE + "=" + count + ": replica n listens on its port + "
                    + PORT_STEP + "·(n-1))" : ""));
        }
    }
}
