package org.banksuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.banksuite.infra.ChildJvm;
import org.banksuite.infra.ParentDeathSignal;

/**
 * One replica of a service: its JVM ({@code java -jar}), its output appended to its log file. It ignores the
 * terminal's Ctrl-C, so the launcher stops it in order, and a watchdog stops it if the launcher is
 * killed outright. {@link #restart()} starts the same command again (same port, same environment, same log,
 * appended) after the JVM died.
 */
final class ServiceProcess implements AutoCloseable {

    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final ServiceDefinition definition;
    private final int replica;
    private final int port;
    private final Path logFile;
    private final ProcessBuilder builder;
    private volatile Process process;
    private ParentDeathSignal stopWithLauncher;
    private volatile boolean stopping;
    private volatile int restarts;

    private ServiceProcess(ServiceDefinition definition, int replica, int port, Path logFile, ProcessBuilder builder) {
        this.definition = definition;
        this.replica = replica;
        this.port = port;
        this.logFile = logFile;
        this.builder = builder;
    }

    /**
     * Starts replica {@code replica} of a service.
     *
     * @throws UncheckedIOException if the JVM cannot be started or the log not written
     */
    static ServiceProcess start(ServiceDefinition definition, int replica, Path jar, int port,
                                Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.ignoringTerminalSignals(command))
                .directory(jar.getParent().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        // beside the console's text log, one JSON object per line (Elastic Common Schema), with the trace and
        // span ids of the request or message being handled
        builder.environment().putIfAbsent("LOGGING_FILE_NAME", jsonLog(logFile).toString());
        builder.environment().putIfAbsent("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
        ServiceProcess service = new ServiceProcess(definition, replica, port, logFile, builder);
        service.launch("starting " + String.join(" ", command));
        return service;
    }

    private void launch(String headline) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + OffsetDateTime.now() + " " + headline + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name(), e);
        }
        stopWithLauncher = ParentDeathSignal.arm(process.pid(), "TERM", (int) STOP_TIMEOUT_SECONDS);
    }

    /**
     * Starts the JVM again after it died: same command, port and environment, its output appended to the same log.
     *
     * @return false if the launcher is stopping it (nothing started)
     * @throws IllegalStateException if the JVM still runs
     * @throws UncheckedIOException  if the JVM cannot be started
     */
    synchronized boolean restart() {
        if (stopping) {
            return false;
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " still runs (pid " + process.pid() + ")");
        }
        stopWithLauncher.disarm();
        launch("restarting after it exited with code " + process.exitValue());
        restarts++;
        return true;
    }

    /** {@code .suite/logs/<service>.json} for {@code .suite/logs/<service>.log}. */
    static Path jsonLog(Path logFile) {
        String name = logFile.getFileName().toString();
        return logFile.resolveSibling(name.replaceFirst("\\.log$", "") + ".json");
    }

    ServiceDefinition definition() {
        return definition;
    }

    /** 1 for the first (or only) instance. */
    int replica() {
        return replica;
    }

    /** The service's name, with {@code -<n>} for replica n > 1. */
    String name() {
        return Replicas.instanceName(definition.name(), replica);
    }

    int port() {
        return port;
    }

    /** The bound address, for the launcher's own checks ({@link Readiness}). */
    String url() {
        return "http://" + Loopback.ADDRESS + ":" + port;
    }

    /** The address people are given ({@link Loopback#browserUrl}). */
    String browserUrl() {
        return Loopback.browserUrl(port);
    }

    Path logFile() {
        return logFile;
    }

    /** The current JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** How often {@link #restart()} started it again. */
    int restarts() {
        return restarts;
    }

    /** True while it runs, also when stopped with SIGSTOP. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Exited without being asked to. */
    boolean diedUnexpectedly() {
        return !stopping && !process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL after 30 s. */
    @Override
    public void close() {
        stopping = true;
        synchronized (this) { // a restart under way has finished
            Process current = process;
            try {
                if (current.isAlive()) {
                    current.destroy();
                    if (!current.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        System.out.println(name() + " did not stop within " + STOP_TIMEOUT_SECONDS + " s, killing it");
                        current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                current.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                stopWithLauncher.disarm();
            }
        }
        Console.step(name() + " stopped");
    }

    @Override
    public String toString() {
        return name() + " on " + url();
    }
}
