package org.banksuite.bench.suite;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.banksuite.bench.stack.ProcFs;

/**
 * The local stack the benchmark measures: the one {@code ./suite up} runs in this clone ({@code .suite/suite.pid}
 * alive), or one this class starts with {@code ./suite up --no-build} in the background and stops with
 * {@code ./suite down} at {@link #close()} (only if it started it).
 */
public final class LocalSuite implements AutoCloseable {

    /**
     * The services' JVM options of a stack the bench starts, unless {@code SUITE_SERVICE_JAVA_OPTS} says otherwise:
     * {@code ./suite up}'s defaults without {@code -XX:TieredStopAtLevel=1}, so that the services run with the
     * optimizing compiler (C1 alone starts faster, which tests want, and runs slower, which a benchmark must not).
     */
    public static final String BENCH_SERVICE_JAVA_OPTS = "-Xmx512m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final long launcherPid;
    private final boolean startedHere;

    private LocalSuite(Path home, long launcherPid, boolean startedHere) {
        this.home = home;
        this.launcherPid = launcherPid;
        this.startedHere = startedHere;
    }

    /**
     * The running suite, or a new one once every service answers ready.
     *
     * @throws IllegalStateException when the suite did not become ready within {@code patience}
     */
    public static LocalSuite runningOrStarted(Path home, SuitePorts ports, Duration patience, Consumer<String> say) {
        Optional<Long> running = runningLauncher(home);
        if (running.isPresent()) {
            say.accept("Using the running suite (launcher pid " + running.get() + "), with the JVM options it was "
                    + "started with (./suite bench starts its own stack with " + BENCH_SERVICE_JAVA_OPTS + ").");
            awaitReady(ports, patience);
            return new LocalSuite(home, running.get(), false);
        }
        Path log = home.resolve(".suite/logs/bench-suite-up.log");
        String jvmOptions = System.getenv().getOrDefault("SUITE_SERVICE_JAVA_OPTS", BENCH_SERVICE_JAVA_OPTS);
        say.accept("No suite is running here: starting one with ./suite up --no-build, services with JVM options "
                + jvmOptions + " (output in " + home.relativize(log) + ").");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder up = new ProcessBuilder(home.resolve("suite").toString(), "up", "--no-build")
                    .directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            up.environment().put("SUITE_SERVICE_JAVA_OPTS", jvmOptions);
            up.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ./suite up: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (runningLauncher(home).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("./suite up did not start within " + patience.toSeconds() + " s; see " + log);
            }
            sleep(1000);
        }
        awaitReady(ports, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        long pid = runningLauncher(home).orElseThrow(() -> new IllegalStateException("./suite up stopped; see " + log));
        say.accept("The suite is up (launcher pid " + pid + ").");
        return new LocalSuite(home, pid, true);
    }

    /** The launcher's pid, from {@code .suite/suite.pid}, if that process is alive and is the launcher. */
    public static Optional<Long> runningLauncher(Path home) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve(".suite/suite.pid")).trim());
            // /proc/<pid>/cmdline, as ./suite's ps does: ProcessHandle.Info.commandLine() came back empty for the
            // launcher's long class path
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> ProcFs.system().commandLine(pid).contains("org.banksuite.launcher.Suite"))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    public long launcherPid() {
        return launcherPid;
    }

    public boolean startedHere() {
        return startedHere;
    }

    /** The stack's PostgreSQL data directory ({@code .suite/data/postgres}). */
    public Path postgresData() {
        return home.resolve(".suite/data/postgres");
    }

    /** A principal's Kafka client settings as {@code ./suite up} wrote them ({@code .suite/kafka/<principal>.properties}). */
    public Path kafkaClientSettings(String principal) {
        return home.resolve(".suite/kafka/" + principal + ".properties");
    }

    /**
     * A principal's Kafka client settings ({@link #kafkaClientSettings}) as properties for a client.
     *
     * @throws IllegalStateException when the file cannot be read
     */
    public Map<String, String> kafkaClientProperties(String principal) {
        Path file = kafkaClientSettings(principal);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the Kafka settings of " + principal + " in " + file
                    + " (./suite up writes them): " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** The stack's root directory (the clone). */
    public Path home() {
        return home;
    }

    /** The issuer's client secrets. */
    public Path clientsFile() {
        return home.resolve(".suite/auth/clients.properties");
    }

    private static void awaitReady(SuitePorts ports, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (Map.Entry<String, Integer> service : ports.services().entrySet()) {
            while (!ready(SuitePorts.url(service.getValue()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.getKey() + " (port " + service.getValue()
                            + ") is not ready after " + patience.toSeconds() + " s");
                }
                sleep(1000);
            }
        }
    }

    /** Whether the service at {@code baseUrl} answers its readiness probe with 200 (within 5 s). */
    public static boolean ready(String baseUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", e);
        }
    }

    /** Stops the suite with {@code ./suite down} if this class started it. */
    @Override
    public void close() {
        if (!startedHere) {
            return;
        }
        try {
            new ProcessBuilder(List.of(home.resolve("suite").toString(), "down")).directory(home.toFile()).inheritIO()
                    .start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./suite down: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
