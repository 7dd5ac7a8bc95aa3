package org.banksuite.launcher;

import java.util.Map;

/**
 * The local stack listens on loopback only: what a service is told so that its HTTP server binds to 127.0.0.1 rather
 * than every interface, Spring Boot's default. Actuator shares that server (no service has a management port of its
 * own; Spring Boot refuses {@code MANAGEMENT_SERVER_ADDRESS} without one, so it is not set).
 */
final class Loopback {

    static final String ADDRESS = "127.0.0.1";

    private Loopback() {
    }

    /** {@code SERVER_ADDRESS} and {@code SERVER_PORT} for a service on this port. */
    static Map<String, String> serverEnvironment(int port) {
        return Map.of(
                "SERVER_ADDRESS", ADDRESS,
                "SERVER_PORT", Integer.toString(port));
    }
}
