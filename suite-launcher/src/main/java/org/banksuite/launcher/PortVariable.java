package org.banksuite.launcher;

import java.util.Map;

/** A TCP port from one of the suite's {@code SUITE_*_PORT} environment variables, as {@code ./suite} reads them. */
public final class PortVariable {

    private PortVariable() {
    }

    /**
     * @param environment  the environment variables
     * @param variable     e.g. {@code SUITE_ACCOUNTS_PORT}
     * @param defaultPort  the port when the variable is unset or blank
     * @return the port, 1 to 65535
     * @throws IllegalArgumentException when the variable is set to anything else
     */
    public static int read(Map<String, String> environment, String variable, int defaultPort) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a TCP port (1-65535), not '" + value + "'");
        }
    }
}
