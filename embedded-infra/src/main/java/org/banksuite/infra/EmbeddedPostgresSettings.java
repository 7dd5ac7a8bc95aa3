package org.banksuite.infra;

import java.nio.file.Path;

/**
 * How to run an {@link EmbeddedPostgresServer}.
 *
 * @param port              0 picks a free port
 * @param dataDirectory     null means a temporary one, deleted on close; otherwise kept across restarts
 * @param logFile           where the server's output goes; null means this JVM's log (SLF4J)
 * @param durable           fsync, synchronous_commit and full_page_writes on; off is for tests only
 * @param superuserPassword null: {@code trust} on loopback and the superuser {@code postgres/postgres} (tests only);
 *                          otherwise every connection, TCP or socket, must give a password (SCRAM-SHA-256), and this
 *                          is the superuser's
 */
public record EmbeddedPostgresSettings(int port, Path dataDirectory, Path logFile, boolean durable,
                                       String superuserPassword) {

    public EmbeddedPostgresSettings {
        if (superuserPassword != null && superuserPassword.isBlank()) {
            throw new IllegalArgumentException("the superuser's password must not be blank");
        }
    }

    public static EmbeddedPostgresSettings forTests() {
        return new EmbeddedPostgresSettings(0, null, null, false, null);
    }

    /** A durable server whose data survives restarts; add {@link #withSuperuserPassword(String)} outside tests. */
    public static EmbeddedPostgresSettings kept(int port, Path dataDirectory, Path logFile) {
        return new EmbeddedPostgresSettings(port, dataDirectory, logFile, true, null);
    }

    /**
     * The same settings with password authentication (SCRAM-SHA-256) for every connection and this superuser
     * password; a data directory created before, with {@code trust}, is switched over on its next start.
     */
    public EmbeddedPostgresSettings withSuperuserPassword(String password) {
        return new EmbeddedPostgresSettings(port, dataDirectory, logFile, durable, password);
    }

    boolean requiresPasswords() {
        return superuserPassword != null;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "EmbeddedPostgresSettings[port=" + port + ", dataDirectory=" + dataDirectory + ", logFile=" + logFile
                + ", durable=" + durable + ", passwords=" + (requiresPasswords() ? "required" : "trust") + "]";
    }
}
