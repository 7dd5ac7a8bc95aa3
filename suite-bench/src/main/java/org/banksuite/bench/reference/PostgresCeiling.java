package org.banksuite.bench.reference;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmark's first reference: how many transfers per second PostgreSQL itself allows on this machine if each
 * transfer makes the commits the suite makes for it ({@link SuiteSqlPattern}: the same number of commits with the same
 * kinds of statements and row widths), with no application work in between: a JDBC loop over a few connections, each
 * replaying one transfer after another. The suite cannot book more transfers per second than this on the same server
 * and disk; its distance from it is what the suite's own processing costs.
 *
 * <p>It writes only to a schema of its own ({@value CeilingSchema#SCHEMA}, dropped and created afresh) in the database
 * it is given; point it at a database of its own. The result is meaningful only with {@code fsync} on (it reports the
 * setting; a test server has it off).
 */
public final class PostgresCeiling {

    private PostgresCeiling() {
    }

    /**
     * Replays the pattern for {@code duration} (after a short warm-up of a tenth of it, at most 5 s, not counted).
     *
     * @param jdbcUrl     a PostgreSQL database the user may create a schema in
     * @param connections how many connections replay in parallel (1 to 64)
     * @return transfers/s, commits/s and PostgreSQL's CPU per transfer
     * @throws IllegalArgumentException if the duration is not positive or the connections are out of range
     * @throws IllegalStateException    if PostgreSQL refuses a statement
     */
    public static CeilingResult measure(String jdbcUrl, String user, String password, Duration duration,
                                        int connections) {
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (connections < 1 || connections > 64) {
            throw new IllegalArgumentException("connections must be 1 to 64: " + connections);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password)) {
            CeilingSchema.recreate(admin, SuiteSqlPattern.PROCESSORS);
            String fsync = setting(admin, "fsync");
            String synchronousCommit = setting(admin, "synchronous_commit");
            OptionalLong postmaster = PostgresCpu.postmasterOf(backendPid(admin));
            List<TransferReplay> replays = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set search_path to " + CeilingSchema.SCHEMA);
                    }
                    replays.add(new TransferReplay(connection, i));
                }
                Duration warmUp = Duration.ofMillis(Math.min(duration.toMillis() / 10, 5_000));
                run(replays, warmUp);
                OptionalLong cpuBefore = postmaster.isPresent() ? PostgresCpu.millis(postmaster.getAsLong())
                        : OptionalLong.empty();
                long started = System.nanoTime();
                long transfers = run(replays, duration);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                OptionalLong cpuAfter = postmaster.isPresent() ? PostgresCpu.millis(postmaster.getAsLong())
                        : OptionalLong.empty();
                long cpu = cpuBefore.isPresent() && cpuAfter.isPresent()
                        ? cpuAfter.getAsLong() - cpuBefore.getAsLong() : -1;
                return new CeilingResult(transfers, transfers * SuiteSqlPattern.COMMITS_PER_TRANSFER,
                        SuiteSqlPattern.COMMITS_PER_TRANSFER, elapsed, connections, fsync, synchronousCommit, cpu);
            } finally {
                for (TransferReplay replay : replays) {
                    replay.close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL ceiling failed: " + e.getMessage(), e);
        }
    }

    /** Every replay loops until {@code duration} has passed; returns the transfers completed in that time. */
    private static long run(List<TransferReplay> replays, Duration duration) {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(replays.size());
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (TransferReplay replay : replays) {
                counts.add(threads.submit(() -> {
                    long done = 0;
                    while (!stop.get()) {
                        replay.transfer();
                        done++;
                    }
                    return done;
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replay failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * {@code java -cp … org.banksuite.bench.reference.PostgresCeiling <jdbcUrl> <user> <password-file> [seconds]
     * [connections]}: one measurement, printed.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PostgresCeiling <jdbcUrl> <user> <password-file> [seconds=30] [connections=4]");
            System.exit(2);
        }
        String password = java.nio.file.Files.readString(java.nio.file.Path.of(args[2])).strip();
        Duration duration = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 30);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        System.out.println(measure(args[0], args[1], password, duration, connections));
    }
}
