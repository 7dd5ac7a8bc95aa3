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
 * A service's JVM ({@code java -jar}), its output appended to its log file. It ignores the
 * terminal's Ctrl-C, so the launcher stops it in order, and a watchdog stops it if the launcher is
 * killed outright.
 */
final class ServiceProcess implements AutoCloseable {

    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final ServiceDefinition definition;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final ParentDeathSignal stopWithLauncher;
    private volatile boolean stopping;

    private ServiceProcess(ServiceDefinition definition, int port, Path logFile, Process process) {
        this.definition = definition;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.stopWithLauncher = ParentDeathSignal.arm(process.pid(), "TERM", (int) STOP_TIMEOUT_SECONDS);
    }

    static ServiceProcess start(ServiceDefinition definition, Path jar, int port, Map<String, String> environment,
                                List<String> jvmOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + OffsetDateTime.now() + " starting " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(ChildJvm.ignoringTerminalSignals(command))
                    .directory(jar.getParent().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            // beside the console's text log, one JSON object per line (Elastic Common Schema), with the trace and
            // span ids of the request or message being handled
            builder.environment().putIfAbsent("LOGGING_FILE_NAME", jsonLog(logFile).toString());
            builder.environment().putIfAbsent("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
            return new ServiceProcess(definition, port, logFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + definition.name(), e);
        }
    }

    /** {@code .suite/logs/<service>.json} for {@code .suite/logs/<service>.log}. */
    static Path jsonLog(Path logFile) {
        String name = logFile.getFileName().toString();
        return logFile.resolveSibling(name.replaceFirst("\\.log$", "") + ".json");
    }

    ServiceDefinition definition() {
        return definition;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path logFile() {
        return logFile;
    }

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
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    System.out.println(definition.name() + " did not stop within " + STOP_TIMEOUT_SECONDS + " s, killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            stopWithLauncher.disarm();
        }
        Console.step(definition.name() + " stopped");
    }

    @Override
    public String toString() {
        return definition.name() + " on " + url();
    }
}
