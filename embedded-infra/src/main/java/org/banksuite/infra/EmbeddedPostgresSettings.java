package org.banksuite.infra;

import java.nio.file.Path;

/**
 * How to run an {@link EmbeddedPostgresServer}.
 *
 * @param port          0 picks a free port
 * @param dataDirectory null means a temporary one, deleted on close; otherwise kept across restarts
 * @param logFile       where the server's output goes; null means this JVM's log (SLF4J)
 * @param durable       fsync, synchronous_commit and full_page_writes on; off is for tests only
 */
public record EmbeddedPostgresSettings(int port, Path dataDirectory, Path logFile, boolean durable) {

    public static EmbeddedPostgresSettings forTests() {
        return new EmbeddedPostgresSettings(0, null, null, false);
    }

    /** A durable server whose data survives restarts. */
    public static EmbeddedPostgresSettings kept(int port, Path dataDirectory, Path logFile) {
        return new EmbeddedPostgresSettings(port, dataDirectory, logFile, true);
    }
}
