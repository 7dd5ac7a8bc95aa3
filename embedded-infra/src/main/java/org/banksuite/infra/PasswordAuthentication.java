package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication (SCRAM-SHA-256) for a kept cluster: every connection, TCP from loopback or the Unix
 * socket, must give its role's password; nothing is {@code trust}, nothing may replicate. A new cluster is created
 * that way by initdb, so it never accepts a connection without a password. A cluster created before with
 * {@code trust} (an older {@code .suite/data/postgres}) is switched on its next start: the superuser gets the
 * password, {@code pg_hba.conf} is replaced and reloaded; its data stays.
 */
final class PasswordAuthentication {

    static final String HBA = """
            # Written by org.banksuite.infra.EmbeddedPostgresServer (replaced on every start if it differs):
            # a password (SCRAM-SHA-256) on every connection; TCP only from loopback (listen_addresses is
            # 127.0.0.1 as well); no replication connections.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthentication.class);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private PasswordAuthentication() {
    }

    /**
     * Tells zonky's builder to connect with the password and, for a data directory initdb has not run in yet, to
     * create the cluster with SCRAM for every connection and this superuser password (zonky passes further
     * {@code --name=value} options to initdb).
     *
     * @return the password file initdb reads, to delete once the server started; empty for an existing cluster
     */
    static Optional<Path> prepare(EmbeddedPostgres.Builder builder, Path dataDirectory, String password) {
        builder.setConnectConfig("password", password);
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return Optional.empty();
        }
        try {
            Path passwordFile = Files.createTempFile("postgres-superuser-", ".password",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password);
            builder.setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString());
            return Optional.of(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the superuser's password for initdb", e);
        }
    }

    /**
     * Once the server runs: unless {@code pg_hba.conf} is already {@link #HBA}, sets the superuser's password,
     * writes {@link #HBA}, reloads it and waits until a connection without a password is refused.
     *
     * @throws IllegalStateException if the server still accepts a connection without a password
     */
    static void enforce(Path dataDirectory, String jdbcUrl, String superuser, String password) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            if (Files.isRegularFile(hba) && Files.readString(hba).equals(HBA)) {
                return;
            }
            LOG.info("Requiring passwords (SCRAM-SHA-256) on {}", dataDirectory);
            try (Connection connection = DriverManager.getConnection(jdbcUrl, superuser, password);
                 Statement statement = connection.createStatement()) {
                // the driver computes the SCRAM verifier: the password itself never reaches the server (nor its logs)
                connection.unwrap(PGConnection.class).alterUserPassword(superuser, password.toCharArray(), "scram-sha-256");
                Path written = hba.resolveSibling("pg_hba.conf.new");
                Files.writeString(written, HBA);
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                statement.execute("select pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the superuser's password on " + dataDirectory, e);
        }
        awaitPasswordRequired(jdbcUrl, superuser);
    }

    private static void awaitPasswordRequired(String jdbcUrl, String superuser) {
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Properties withoutPassword = new Properties();
            withoutPassword.setProperty("user", superuser);
            try (Connection ignored = DriverManager.getConnection(jdbcUrl, withoutPassword)) {
                sleep(); // the postmaster has not reloaded pg_hba.conf yet
            } catch (SQLException refused) {
                return;
            }
        }
        throw new IllegalStateException("PostgreSQL still accepts connections without a password after "
                + RELOAD_TIMEOUT.toSeconds() + " s: pg_hba.conf was not reloaded");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pg_hba.conf to be reloaded", e);
        }
    }
}
