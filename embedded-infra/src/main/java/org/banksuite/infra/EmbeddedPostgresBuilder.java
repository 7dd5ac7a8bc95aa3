package org.banksuite.infra;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Translates {@link EmbeddedPostgresSettings} into zonky's builder. */
final class EmbeddedPostgresBuilder {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private EmbeddedPostgresBuilder() {
    }

    static EmbeddedPostgres.Builder from(EmbeddedPostgresSettings settings, Path dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(FreePorts.orFree(settings.port()))
                .setRegisterShutdownHook(false) // ours stops the watchdog, too
                .setPGStartupWait(STARTUP_WAIT);
        boolean kept = settings.dataDirectory() != null;
        if (kept) {
            Postmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(30));
        }
        builder.setDataDirectory(Directories.create(dataDirectory).toFile()).setCleanDataDirectory(!kept);
        if (settings.logFile() != null) {
            File logFile = settings.logFile().toAbsolutePath().toFile();
            Directories.create(logFile.toPath().getParent());
            builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile));
        }
        // zonky always passes -F (fsync off); a later -c wins, so durability is set explicitly either way
        String durable = settings.durable() ? "on" : "off";
        return builder
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
    }
}
