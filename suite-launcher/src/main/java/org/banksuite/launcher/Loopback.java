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

    /**
     * Where a person (a browser, curl, a BFF developer) reaches the service on {@code port}: {@code http://localhost:<port>},
     * as the README gives it. The console's redirect is registered at the issuer under this same host, and an
     * authorization server compares a redirect URI as a string (RFC 6749 section 3.1.2.3; Spring Authorization Server
     * does), so a sign-in begun at {@code http://127.0.0.1:<port>} is refused with 400. Every address the launcher
     * prints or hands out comes from here; only its own readiness checks call the bound IP.
     */
    static String browserUrl(int port) {
        return "http://localhost:" + port;
    }

    /** {@code SERVER_ADDRESS} and {@code SERVER_PORT} for a service on this port. */
    static Map<String, String> serverEnvironment(int port) {
        return Map.of(
                "SERVER_ADDRESS", ADDRESS,
                "SERVER_PORT", Integer.toString(port));
    }
}
