package org.banksuite.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service of the local stack: a Spring Boot jar built by its module.
 *
 * @param module       the Maven module, which builds {@code <module>/target/<module>.jar}
 * @param portVariable the environment variable that moves its HTTP port
 * @param defaultPort  its HTTP port otherwise
 * @param database     its own PostgreSQL database, created if missing; null if it has none. The service logs in
 *                     as {@link #databaseRole()}, the database's owner
 */
record ServiceDefinition(String module, String portVariable, int defaultPort, String database) {

    String name() {
        return module;
    }

    Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    int port(Map<String, String> environment) {
        return SuiteEnvironment.port(environment, portVariable, defaultPort);
    }

    boolean hasDatabase() {
        return database != null;
    }

    /** The PostgreSQL login role the service uses: {@code <database>_service}, e.g. {@code accounts_service}. */
    String databaseRole() {
        if (!hasDatabase()) {
            throw new IllegalStateException(module + " has no database");
        }
        return database + "_service";
    }
}
