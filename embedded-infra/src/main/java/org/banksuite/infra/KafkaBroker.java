package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka KRaft node (combined broker and controller) listening on 127.0.0.1, run as a child
 * JVM from the current JVM's classpath, so the broker's own jars never load into the parent. The
 * child exits when the parent dies (see {@link BrokerMain}), and the {@link ShutdownSequence} stops
 * it when the parent exits normally. Plaintext by default (the tests' broker); with
 * {@link KafkaBrokerSettings#withSecurity} it authenticates every client with SASL/SCRAM and allows only what ACLs
 * grant (see {@link KafkaSecurity}).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaBrokerSettings settings;
    private final Path workDirectory;
    private final Path logDirectory;
    private final Path logFile;
    private final Object closeLock = new Object();
    private volatile int port;
    private volatile int controllerPort;
    private volatile Process process;
    private volatile Duration startupTime;

    public KafkaBroker(KafkaBrokerSettings settings) {
        this.settings = settings;
        if (settings.logDirectory() != null) { // generated config beside the kept data: nothing in /tmp to leak
            this.logDirectory = settings.logDirectory().toAbsolutePath();
            this.workDirectory = Directories.create(logDirectory.resolveSibling(logDirectory.getFileName() + "-config"));
        } else {
            this.workDirectory = Directories.createTemp("kafka-broker-");
            this.logDirectory = workDirectory.resolve("data");
        }
        this.logFile = settings.logFile() != null ? settings.logFile().toAbsolutePath() : workDirectory.resolve("broker.log");
    }

    /** A throw-away broker on free ports with a temporary log directory. */
    public static KafkaBroker forTests() {
        return new KafkaBroker(KafkaBrokerSettings.forTests());
    }

    /** Formats the log directory if needed, starts the broker and waits until it answers (at most 60 s). */
    public synchronized KafkaBroker start() {
        if (process != null) {
            throw new IllegalStateException("already started");
        }
        long startedAt = System.nanoTime();
        Directories.create(logDirectory);
        Directories.create(logFile.getParent());
        KafkaLogDirectoryLock.awaitReleased(logDirectory, STOP_TIMEOUT);
        port = FreePorts.orFree(settings.port());
        controllerPort = FreePorts.orFree(settings.controllerPort());
        Path serverProperties = writeServerProperties();
        boolean formatted = KafkaStorageFormatter.formatIfNeeded(logDirectory, serverProperties, logFile,
                settings.security());
        if (formatted) {
            LOG.info("Formatted Kafka log directory {} in {} ms", logDirectory, millisSince(startedAt));
        }
        ShutdownSequence.register(this);
        try {
            if (settings.secured()) {
                ensureScramCredentials(formatted, controllerPort);
            }
            launchAndAwait(serverProperties);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        startupTime = Duration.ofMillis(millisSince(startedAt));
        LOG.info("Kafka broker ready on {} in {} ms (log dir {}, log {})",
                bootstrapServers(), startupTime.toMillis(), logDirectory, logFile);
        return this;
    }

    /**
     * Starts the broker again after its JVM died (e.g. {@code kill -9}): same ports, same log directory (once the
     * dead JVM's lock on it is gone), same credentials; Kafka recovers its logs. It keeps its place in the
     * {@link ShutdownSequence}.
     *
     * @throws IllegalStateException if the broker is running or was never started (or was closed)
     * @throws RuntimeException      if it does not answer within 60 s
     */
    public synchronized void restartAfterCrash() {
        Process dead = process;
        if (dead == null) {
            throw new IllegalStateException("the broker was never started, or was closed");
        }
        if (dead.isAlive()) {
            throw new IllegalStateException("the broker is still running (pid " + dead.pid() + ")");
        }
        stop(dead); // closes the dead JVM's lifeline pipe
        long startedAt = System.nanoTime();
        KafkaLogDirectoryLock.awaitReleased(logDirectory, STOP_TIMEOUT);
        launchAndAwait(writeServerProperties());
        startupTime = Duration.ofMillis(millisSince(startedAt));
        LOG.info("Kafka broker restarted on {} in {} ms", bootstrapServers(), startupTime.toMillis());
    }

    private Path writeServerProperties() {
        Path serverProperties = workDirectory.resolve("server.properties");
        KafkaServerProperties.write(KafkaServerProperties.of(port, controllerPort, logDirectory, settings.durable(),
                settings.security()), serverProperties);
        return serverProperties;
    }

    private void launchAndAwait(Path serverProperties) {
        Process started = launch(serverProperties);
        process = started;
        KafkaReadiness.await(started, bootstrapServers(), adminClientProperties(), logFile, START_TIMEOUT);
    }

    /** The broker JVM's process id, or -1 if it is not started. */
    public long pid() {
        Process current = process;
        return current != null ? current.pid() : -1;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * How a client of this broker authenticates as {@code credentials}: {@code bootstrap.servers} and, on a secured
     * broker, the SASL settings ({@link KafkaCredentials#clientProperties()}).
     */
    public Map<String, Object> clientProperties(KafkaCredentials credentials) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        if (settings.secured()) {
            properties.putAll(credentials.clientProperties());
        }
        return properties;
    }

    /** The administrator's client settings (a super user); on a plaintext broker just {@code bootstrap.servers}. */
    public Map<String, Object> adminClientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        if (settings.secured()) {
            properties.putAll(settings.security().admin().clientProperties());
        }
        return properties;
    }

    public boolean secured() {
        return settings.secured();
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public Path logFile() {
        return logFile;
    }

    /** How long {@link #start()} took, formatting included. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Stops the broker: SIGTERM (Kafka's controlled shutdown), then SIGKILL after 30 s. */
    @Override
    public void close() {
        synchronized (closeLock) {
            Process stopping = process;
            process = null;
            if (stopping != null) {
                stop(stopping);
                LOG.info("Kafka broker on {} stopped", bootstrapServers());
            }
            ShutdownSequence.unregister(this);
            if (settings.logDirectory() == null) {
                Directories.deleteQuietly(workDirectory); // temporary config, data and (unless kept elsewhere) log
            }
        }
    }

    @Override
    public String toString() {
        return "Kafka broker on " + bootstrapServers();
    }

    /**
     * The broker's and the administrator's SCRAM credentials must be in the metadata before a secured broker can be
     * used. A log directory formatted now has them ({@code --add-scram}); one formatted earlier (a plaintext store, or
     * credentials generated anew) gets them once: the node starts on plaintext listeners on 127.0.0.1, the credentials
     * are upserted, and it stops again. A fingerprint beside the configuration says which credentials are in.
     */
    private void ensureScramCredentials(boolean formatted, int controllerPort) {
        KafkaScramBootstrap bootstrap = new KafkaScramBootstrap(settings.security(), workDirectory);
        if (formatted) {
            bootstrap.recordApplied();
            return;
        }
        if (bootstrap.applied()) {
            return;
        }
        LOG.info("Adding the SCRAM credentials of {} and {} to {} (once, on plaintext listeners on 127.0.0.1)",
                settings.security().broker().user(), settings.security().admin().user(), logDirectory);
        Path plaintext = workDirectory.resolve("server-plaintext.properties");
        KafkaServerProperties.write(KafkaServerProperties.of(port, controllerPort, logDirectory, settings.durable()),
                plaintext);
        Process bootstrapBroker = launch(plaintext);
        try {
            KafkaReadiness.await(bootstrapBroker, bootstrapServers(), Map.of(), logFile, START_TIMEOUT);
            bootstrap.apply(bootstrapServers());
        } finally {
            stop(bootstrapBroker);
            KafkaLogDirectoryLock.awaitReleased(logDirectory, STOP_TIMEOUT);
        }
        bootstrap.recordApplied();
    }

    private Process launch(Path serverProperties) {
        List<String> command = ChildJvm.command(jvmOptions(), BrokerMain.class.getName(), List.of(serverProperties.toString()));
        try {
            return new ProcessBuilder(ChildJvm.ignoringTerminalSignals(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start(); // stdin stays a pipe from this JVM: BrokerMain exits when it closes
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker's JVM", e);
        }
    }

    private List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + settings.maxHeap(),
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true"));
        options.addAll(ChildLogging.jvmOptions(workDirectory));
        options.addAll(settings.extraJvmOptions());
        return options;
    }

    private static void stop(Process stopping) {
        if (stopping.isAlive()) {
            stopping.destroy();
            try {
                if (!stopping.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    LOG.warn("Kafka broker did not stop within {} s, killing it", STOP_TIMEOUT.toSeconds());
                    stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                stopping.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            stopping.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is only the child's lifeline
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
