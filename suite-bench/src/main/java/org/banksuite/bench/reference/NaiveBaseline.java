package org.banksuite.bench.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.banksuite.infra.ChildJvm;
import org.banksuite.infra.FreePorts;
import org.banksuite.infra.ParentDeathSignal;

/**
 * The benchmark's second reference, running: the {@code bench-baseline} jar as a child JVM on a free loopback port,
 * against the stack's PostgreSQL (its own database, {@value #DATABASE}, created if missing) and Kafka, with
 * {@link NaiveBaselineSettings#accounts()} funded accounts seeded. Drive it with {@link BaselineTarget}; read its
 * CPU and memory through {@link #pid()}. {@link #close()} stops it (SIGTERM, then SIGKILL after 30 s); it is also
 * stopped if this JVM dies.
 */
public final class NaiveBaseline implements AutoCloseable {

    static final String DATABASE = "baseline";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final Pattern ACCOUNT = Pattern.compile("\"(baseline-\\d+)\"");

    private final Process process;
    private final ParentDeathSignal stopWithUs;
    private final URI baseUri;
    private final List<String> accounts;

    private NaiveBaseline(Process process, ParentDeathSignal stopWithUs, URI baseUri, List<String> accounts) {
        this.process = process;
        this.stopWithUs = stopWithUs;
        this.baseUri = baseUri;
        this.accounts = accounts;
    }

    /**
     * Starts the baseline and waits until it is ready and seeded.
     *
     * @throws IllegalStateException if the jar is missing, PostgreSQL refuses, or the baseline dies or is not ready
     *                               within 180 s (the message names its log)
     */
    public static NaiveBaseline start(NaiveBaselineSettings settings) {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " does not exist: build it with"
                    + " ./mvnw -B -DskipTests -pl bench-baseline -am package");
        }
        String databaseUrl = createDatabaseIfMissing(settings);
        int port = FreePorts.free();
        Process process = launch(settings, databaseUrl, port);
        ParentDeathSignal stopWithUs = ParentDeathSignal.arm(process.pid(), "TERM", (int) STOP_TIMEOUT_SECONDS);
        URI baseUri = URI.create("http://127.0.0.1:" + port);
        try {
            awaitReady(process, baseUri, settings);
            List<String> accounts = seed(baseUri, settings);
            return new NaiveBaseline(process, stopWithUs, baseUri, accounts);
        } catch (RuntimeException e) {
            stop(process);
            stopWithUs.disarm();
            throw e;
        }
    }

    /** Where it answers, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Its JVM's process id, for CPU and RSS readings. */
    public long pid() {
        return process.pid();
    }

    /** The seeded accounts' ids, {@code baseline-0} upwards. */
    public List<String> accounts() {
        return accounts;
    }

    @Override
    public void close() {
        try {
            stop(process);
        } finally {
            stopWithUs.disarm();
        }
    }

    private static String createDatabaseIfMissing(NaiveBaselineSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.postgresUrl(), settings.postgresUser(),
                settings.postgresPassword())) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
        return settings.postgresUrl().replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1");
    }

    private static Process launch(NaiveBaselineSettings settings, String databaseUrl, int port) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", settings.jar().toString()));
        try {
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            Files.writeString(settings.logFile(), "=== starting " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ChildJvm.ignoringTerminalSignals(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("SERVER_PORT", Integer.toString(port));
            environment.put("SERVER_ADDRESS", "127.0.0.1");
            environment.put("SPRING_DATASOURCE_URL", databaseUrl);
            environment.put("SPRING_DATASOURCE_USERNAME", settings.postgresUser());
            environment.put("SPRING_DATASOURCE_PASSWORD", settings.postgresPassword());
            environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
            // Spring Boot applies spring.kafka.properties.* to its producer and admin client alike
            settings.kafkaClientSettings().forEach((name, value) -> environment.put(
                    "SPRING_KAFKA_PROPERTIES_" + name.toUpperCase().replace('.', '_'), value));
            environment.put("BASELINE_TOPIC", settings.topic());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the naive baseline", e);
        }
    }

    private static void awaitReady(Process process, URI baseUri, NaiveBaselineSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the naive baseline exited with " + process.exitValue()
                        + " while starting; see " + settings.logFile());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the naive baseline", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the naive baseline was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + settings.logFile());
    }

    private static List<String> seed(URI baseUri, NaiveBaselineSettings settings) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/accounts/seed"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": " + settings.accounts() + ", \"balance\": \""
                        + settings.balance().toPlainString() + "\"}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("seeding the naive baseline's accounts answered "
                        + response.statusCode() + ": " + response.body());
            }
            List<String> accounts = new ArrayList<>();
            Matcher matcher = ACCOUNT.matcher(response.body());
            while (matcher.find()) {
                accounts.add(matcher.group(1));
            }
            return List.copyOf(accounts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed the naive baseline's accounts", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding", e);
        }
    }

    private static void stop(Process process) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
