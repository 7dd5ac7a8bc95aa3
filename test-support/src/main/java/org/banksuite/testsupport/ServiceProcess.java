package org.banksuite.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the suite's services as users run it: its own JVM, from the jar its module built, on a free port, with
 * its log in the calling module's {@code target/}. Keeps the services' classpaths and configuration apart, as in
 * production. {@link #kill()} is a {@code kill -9}; {@link #restart()} starts it again with the same arguments.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private final String module;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private ServiceProcess(String module, int port, List<String> arguments) {
        this.module = module;
        this.jar = Path.of("..", module, "target", module + ".jar");
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", module + "-" + port + ".log");
    }

    /**
     * Starts {@code ../<module>/target/<module>.jar} with {@code --server.port}, the database and the given
     * Spring arguments ({@code --name=value}), and waits until its readiness probe answers 200. Unless the arguments
     * name a token issuer, the service trusts the JVM's {@link TestIssuer}.
     */
    public static ServiceProcess start(String module, TestDatabase database, String... springArguments)
            throws Exception {
        return startOn(freePort(), module, database, springArguments);
    }

    /**
     * As {@link #start}, on {@code port} (from {@link #freePort()}): for a service whose address another service
     * must be given before both start side by side.
     */
    public static ServiceProcess startOn(int port, String module, TestDatabase database, String... springArguments)
            throws Exception {
        List<String> arguments = new ArrayList<>();
        if (database != null) {
            arguments.add("--spring.datasource.url=" + database.jdbcUrl());
            arguments.add("--spring.datasource.username=" + database.username());
            arguments.add("--spring.datasource.password=" + database.password());
        }
        arguments.addAll(List.of(springArguments));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--" + ISSUER_PROPERTY + "="))) {
            arguments.addAll(List.of(TestIssuer.get().springArguments()));
        }
        ServiceProcess service = new ServiceProcess(module, port, arguments);
        service.launch();
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Ends the process the way a crash does: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the process again on the same port with the same arguments and waits until it is ready. */
    public void restart() throws Exception {
        if (process.isAlive()) {
            close();
        }
        launch();
    }

    private void launch() throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build " + module
                    + " first (./mvnw verify at the root builds it before the modules that run it)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                // as ./suite up starts the services: these start with far less CPU on 2 cores than C2 and G1
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                                URI.create(baseUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(module + " was not ready within " + READY_WITHIN.toSeconds() + " s; see "
                + log.toAbsolutePath());
    }

    /** A TCP port free at the time of the call (the operating system's pick), for {@link #startOn}. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
