package org.banksuite.launcher;

import java.util.Map;

/** Ports of the local stack's infrastructure, from {@code SUITE_*} environment variables. */
record SuiteEnvironment(int postgresPort, int kafkaPort, int kafkaControllerPort) {

    static SuiteEnvironment from(Map<String, String> environment) {
        int kafkaPort = port(environment, "SUITE_KAFKA_PORT", 9092);
        return new SuiteEnvironment(
                port(environment, "SUITE_POSTGRES_PORT", 5432),
                kafkaPort,
                port(environment, "SUITE_KAFKA_CONTROLLER_PORT", kafkaPort + 1));
    }

    static int port(Map<String, String> environment, String variable, int defaultPort) {
        return PortVariable.read(environment, variable, defaultPort);
    }
}
