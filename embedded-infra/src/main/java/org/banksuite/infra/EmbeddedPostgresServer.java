package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server from the binaries in zonky's Maven artifacts, on loopback. As root it
 * runs in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root. It stops
 * when this JVM exits: through the {@link ShutdownSequence}, or by a watchdog if this JVM is killed
 * outright.
 * Authentication: with {@link EmbeddedPostgresSettings#superuserPassword()} (the local stack), a password
 * (SCRAM-SHA-256) on every connection and that password for the superuser {@code postgres}; without it (tests),
 * {@code trust} on loopback and the superuser {@code postgres/postgres}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String USERNAME = "postgres";
    private static final String TEST_PASSWORD = "postgres";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgresSettings settings;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private ParentDeathSignal stopWithThisJvm;
    private Duration startupTime;
    private boolean started;
    private long postmasterPid = -1;
    private int boundPort;

    public EmbeddedPostgresServer(EmbeddedPostgresSettings settings) {
        this.settings = settings;
        this.dataDirectory = settings.dataDirectory() != null
                ? settings.dataDirectory().toAbsolutePath().normalize()
                : Directories.createTemp("embedded-postgres-");
    }

    /** A throw-away, non-durable server on a free port. */
    public static EmbeddedPostgresServer forTests() {
        return new EmbeddedPostgresServer(EmbeddedPostgresSettings.forTests());
    }

    /**
     * Stops a server still running on a kept data directory, e.g. one whose parent was killed
     * before it could stop it. Does nothing if none runs there.
     */
    public static void stopLeftoverServer(Path dataDirectory) {
        Postmaster.stopIfRunning(dataDirectory.toAbsolutePath().normalize(), Duration.ofSeconds(30));
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            throw new IllegalStateException("already started");
        }
        launch(settings);
        started = true;
        ShutdownSequence.register(this);
        LOG.info("PostgreSQL ready on port {} in {} ms (data {}, durable {})",
                port(), startupTime.toMillis(), dataDescription(), settings.durable());
        return this;
    }

    /**
     * Starts a kept server again, on the same port and data directory, after its postmaster died (e.g.
     * {@code kill -9}): PostgreSQL recovers from its write-ahead log. Right after such a death its backends still
     * hold the shared memory for a moment, and PostgreSQL refuses to start ("pre-existing shared memory block is still
     * in use"), and the dead postmaster, until its parent has reaped it, still looks alive to a new one ("lock file
     * postmaster.pid already exists"): it waits until both are gone, then tries (again every second, at least three
     * times, until {@code patience} has passed). It keeps its place in the {@link ShutdownSequence}.
     *
     * @param patience how long to keep trying
     * @throws IllegalStateException if the server is running, was never started, or has a temporary data directory
     * @throws RuntimeException      the last attempt's failure once {@code patience} has passed
     */
    public synchronized void restartAfterCrash(Duration patience) {
        if (!started || settings.dataDirectory() == null) {
            throw new IllegalStateException("only a started server with a kept data directory can be restarted");
        }
        if (isRunning()) {
            throw new IllegalStateException("PostgreSQL is still running (pid " + pid() + ")");
        }
        int port = port();
        // not postgres.close(): its pg_ctl stop would fail loudly on the dead server; zonky's lock on the data
        // directory is on a file that a new one replaces, so that it can lock the directory again in this JVM
        postgres = null;
        Directories.deleteQuietly(dataDirectory.resolve(ZONKY_LOCK_FILE));
        if (stopWithThisJvm != null) {
            stopWithThisJvm.disarm();
        }
        EmbeddedPostgresSettings samePort = new EmbeddedPostgresSettings(port, settings.dataDirectory(),
                settings.logFile(), settings.durable(), settings.superuserPassword());
        long deadline = System.nanoTime() + patience.toNanos();
        Postmaster.awaitGone(postmasterPid, patience);
        Postmaster.awaitNoneWorkingIn(dataDirectory, patience);
        for (int attempt = 1; ; attempt++) {
            try {
                launch(samePort);
                LOG.info("PostgreSQL restarted on port {} in {} ms", port(), startupTime.toMillis());
                return;
            } catch (RuntimeException e) {
                postgres = null;
                // zonky keeps its lock on the data directory when its start fails: a new lock file lets it try again
                Directories.deleteQuietly(dataDirectory.resolve(ZONKY_LOCK_FILE));
                if (attempt >= 3 && System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.info("PostgreSQL did not start again yet ({}), retrying", e.getMessage().lines().findFirst().orElse(""));
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void launch(EmbeddedPostgresSettings launchSettings) {
        long startedAt = System.nanoTime();
        Optional<Path> initdbPasswordFile = Optional.empty();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgresBuilder.from(launchSettings, dataDirectory);
            if (settings.requiresPasswords()) {
                initdbPasswordFile = PasswordAuthentication.prepare(builder, dataDirectory, settings.superuserPassword());
            }
            postgres = builder.start();
            boundPort = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL failed to start" + passwordHint(e)
                    + (settings.logFile() != null ? "\n" + LogTail.of(settings.logFile(), 40) : ""), e);
        } finally {
            initdbPasswordFile.ifPresent(Directories::deleteQuietly);
        }
        if (settings.requiresPasswords()) {
            PasswordAuthentication.enforce(dataDirectory, jdbcUrl("postgres"), USERNAME, settings.superuserPassword());
        }
        Optional<ProcessHandle> postmaster = Postmaster.find(dataDirectory);
        postmasterPid = postmaster.map(ProcessHandle::pid).orElse(-1L);
        stopWithThisJvm = postmaster.map(running -> ParentDeathSignal.arm(running.pid(), "INT", 20)).orElse(null);
        startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    /** The port it listens on (also while it is being restarted); 0 before {@link #start()}. */
    public int port() {
        return boundPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The superuser's name, {@code postgres}. */
    public String username() {
        return USERNAME;
    }

    /** The superuser's password: the configured one, or {@code postgres} for a test server (trust). */
    public String password() {
        return settings.requiresPasswords() ? settings.superuserPassword() : TEST_PASSWORD;
    }

    public boolean isRunning() {
        return postgres != null && Postmaster.find(dataDirectory).isPresent();
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + (postgres != null ? port() : settings.port());
    }

    /** The running server's process id. */
    public long pid() {
        return Postmaster.find(dataDirectory).map(ProcessHandle::pid).orElse(-1L);
    }

    /** How long {@link #start()} took, initdb included. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Creates the database unless it exists; names are lowercase SQL identifiers. */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, password());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently, fine
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** Stops the server (fast shutdown); a temporary data directory is deleted. */
    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("PostgreSQL on port {} stopped", port());
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        } finally {
            if (stopWithThisJvm != null) {
                stopWithThisJvm.disarm();
            }
            postgres = null;
            started = false;
            ShutdownSequence.unregister(this);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A refused superuser password usually means its file was deleted while the data directory was kept. */
    private String passwordHint(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused && "28P01".equals(refused.getSQLState())) {
                return ": it refuses the superuser's password (was the password file deleted but not the data"
                        + " directory " + dataDirectory + "? restore the file, or delete both for a clean slate)";
            }
        }
        return "";
    }

    private String dataDescription() {
        return settings.dataDirectory() != null ? dataDirectory.toString() : "temporary";
    }
}
