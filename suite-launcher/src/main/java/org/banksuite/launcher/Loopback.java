package org.banksuite.launcher;

import java.util.Map;

/**
 * The local stack listens on loopback only: what a service is told so that its HTTP server (and its management
 * server, should it get a port of its own) binds to 127.0.0.1 rather than every interface, Spring Boot's default.
 */
final class Loopback {

    static final String ADDRESS = "127.0.0.1";

    private Loopback() {
    }

    /** {@code SERVER_ADDRESS}, {@code SERVER_PORT} and {@code MANAGEMENT_SERVER_ADDRESS} for a service on this port. */
    static Map<String, String> serverEnvironment(int port) {
        return Map.of(
                "SERVER_ADDRESS", ADDRESS,
                "SERVER_PORT", Integer.toString(port),
                "MANAGEMENT_SERVER_ADDRESS", ADDRESS);
    }
}
