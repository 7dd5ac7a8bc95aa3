package org.banksuite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.banksuite.bench.chaos.ProcessTable;
import org.banksuite.bench.suite.LocalSuite;
import org.banksuite.bench.suite.SuitePorts;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.SuiteEndpoints;
import org.banksuite.testsupport.TestDatabase;

/**
 * The whole suite as users run it: {@code SUITE_REPLICAS=2 ./suite up}, that is the launcher
 * ({@code org.banksuite.launcher.Suite up}) in a home of its own under {@code target/} with the jars the reactor built
 * linked in, on free ports. Two replicas of accounts, transfers, the adapter, the proxy and reconciliation, one
 * issuer, simulator and console; PostgreSQL with a login role per service and the SASL/ACL-secured Kafka broker, as
 * the local stack has them; the launcher restarts whatever dies. The tests call replica 1 (the chaos run both), read
 * the topics as the read-only {@code suite-observer} and the event stores as each service's own role.
 * <p>
 * Test settings for timing only, given to every service as system properties: Kafka consumer sessions of 6 s (the
 * broker's minimum; Kafka's default 45 s would hold a killed replica's partitions that long), reconciliation's grace
 * period {@value #RECONCILIATION_GRACE} with a 1 s check, spans exported every half second to {@link #traces()}.
 */
final class RunningSuite implements AutoCloseable {

    /**
     * How long reconciliation-service lets a discrepancy last before it raises it: short, so a test sees a real
     * mismatch published within its patience (HiddenCoreEntryIT waits it out), and longer than the suite's own lag
     * between a core entry and its booking (a few seconds). Should a loaded machine stretch that lag past it, the
     * mismatch raised is resolved once the entry is booked; the invariants look at open mismatches once settled.
     */
    static final String RECONCILIATION_GRACE = "PT10S";
    /** The issuer's clients the core side is called as (service-security's README). */
    static final String ADAPTER = "partner-bank-adapter";
    static final String PROXY = "partner-bank-proxy";
    static final int REPLICAS = 2;
    /**
     * A JUnit resource lock: faults the simulator applies to every call to the core hold for every class, so while a
     * test sets such faults no other may call the core (READ_WRITE there, READ wherever the core is called). Faults
     * confined to a test's own account ({@code FaultSettings.account}) need only READ, and {@link #CORE_FAULT_WRITES}.
     */
    static final String CORE_FAULT_SETTINGS = "partner-core-fault-settings";
    /**
     * A JUnit resource lock, READ_WRITE for every test that writes the simulator's one set of faults: one that sets
     * faults and one that writes back what it read must not overlap.
     */
    static final String CORE_FAULT_WRITES = "partner-core-fault-writes";
    private static final List<String> MODULES = List.of("auth-issuer", "accounts-service", "transfers-service",
            "partner-bank-simulator", "partner-bank-proxy", "partner-bank-adapter", "reconciliation-service",
            "support-console");
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);

    private final Path home;
    private final SuitePorts ports;
    private final int consolePort;
    /** Where every service exports its spans, as to a collector. */
    private final OtlpSink traces;
    private final Process launcher;
    private AccessTokens tokens;
    private Map<String, String> observer;

    private RunningSuite(Path home, Map<String, String> environment, OtlpSink traces, Process launcher) {
        this.home = home;
        this.ports = SuitePorts.from(environment);
        this.consolePort = Integer.parseInt(environment.get("SUITE_CONSOLE_PORT"));
        this.traces = traces;
        this.launcher = launcher;
    }

    static RunningSuite start(String name) {
        long startedAt = System.nanoTime();
        OtlpSink traces = OtlpSink.start();
        RunningSuite suite = null;
        try {
            Path home = Path.of("target", "suite-" + name).toAbsolutePath();
            prepare(home);
            Map<String, String> environment = environment(traces);
            ProcessBuilder up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dsuite.home=" + home, "-cp", System.getProperty("java.class.path"),
                    "org.banksuite.launcher.Suite", "up")
                    .redirectErrorStream(true).redirectOutput(home.resolve("launcher.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            up.environment().putAll(environment);
            suite = new RunningSuite(home, environment, traces, up.start());
            suite.awaitReady();
        } catch (IOException | RuntimeException failed) {
            if (suite != null) {
                suite.close();
            } else {
                traces.close();
            }
            throw failed instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("the suite did not start", (IOException) failed);
        }
        System.out.printf("The suite for %s is up in %.1f s: %s%n", name, (System.nanoTime() - startedAt) / 1e9,
                suite.endpoints().describe());
        return suite;
    }

    /** A fresh home with the reactor's jars where the launcher looks for them ({@code <module>/target/<module>.jar}). */
    private static void prepare(Path home) throws IOException {
        if (Files.exists(home)) {
            try (Stream<Path> old = Files.walk(home)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        for (String module : MODULES) {
            Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the reactor builds " + module + " before this module");
            }
            Path link = home.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, jar);
        }
    }

    private static Map<String, String> environment(OtlpSink traces) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("SUITE_REPLICAS", Integer.toString(REPLICAS));
        environment.put("SUITE_READY_TIMEOUT", Long.toString(READY_WITHIN.toSeconds()));
        // ./suite up's defaults (ServiceJvmOptions), and the test settings for timing
        environment.put("SUITE_SERVICE_JAVA_OPTS", String.join(" ", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dspring.kafka.consumer.properties.session.timeout.ms=6000",
                "-Dspring.kafka.consumer.properties.heartbeat.interval.ms=2000",
                "-Dreconciliation.grace-period=" + RECONCILIATION_GRACE, "-Dreconciliation.check-interval=PT1S",
                // a letter waits for support, as in the services' own tests: SupportConsoleIT retries a fixed one in
                // the console, which an automatic retry (30 s after the letter, by default) could take first
                "-Dsuite.dead-letters.first-retry-after=PT1H",
                "-Dmanagement.opentelemetry.tracing.export.otlp.endpoint=" + traces.tracesEndpoint(),
                "-Dmanagement.opentelemetry.tracing.export.schedule-delay=PT0.5S"));
        for (String variable : List.of("SUITE_POSTGRES_PORT", "SUITE_KAFKA_PORT", "SUITE_KAFKA_CONTROLLER_PORT",
                "SUITE_ISSUER_PORT", "SUITE_SIMULATOR_PORT", "SUITE_CONSOLE_PORT")) {
            environment.put(variable, Integer.toString(freePort(0)));
        }
        for (String variable : List.of("SUITE_ACCOUNTS_PORT", "SUITE_TRANSFERS_PORT", "SUITE_ADAPTER_PORT",
                "SUITE_PROXY_PORT", "SUITE_RECONCILIATION_PORT")) {
            environment.put(variable, Integer.toString(freePort(100)));
        }
        return environment;
    }

    /** Until the launcher listed the whole stack and every service answers ready; fails fast if the launcher died. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        ProcessTable table = processes();
        while (true) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher stopped (exit " + launcher.exitValue() + "); see "
                        + home.resolve("launcher.log"));
            }
            try {
                if (table.read().stream().filter(entry -> entry.kind().equals("service"))
                        .allMatch(entry -> LocalSuite.ready(entry.url()))) {
                    break;
                }
            } catch (IllegalStateException notListedYet) {
                // the launcher writes the table once the whole stack started
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the suite was not ready within " + READY_WITHIN.toMinutes()
                        + " min; see " + home.resolve("launcher.log"));
            }
            sleep(Duration.ofSeconds(1));
        }
        tokens = AccessTokens.fromClientsFile(issuerUrl(), home.resolve(".suite/auth/clients.properties"));
        observer = kafkaSettings(KAFKA_OBSERVER);
    }

    /** The read-only Kafka principal of the local stack: every topic, groups named {@code suite-observer...}. */
    private static final String KAFKA_OBSERVER = "suite-observer";

    /** Replica 1 of each service, and the broker as the read-only observer. */
    SuiteEndpoints endpoints() {
        return new SuiteEndpoints(SuitePorts.url(ports.accounts()), SuitePorts.url(ports.transfers()),
                SuitePorts.url(ports.simulator()), SuitePorts.url(ports.adapter()), kafkaBootstrapServers(), "",
                SuitePorts.url(ports.reconciliation()), observer);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /**
     * A Kafka principal's client settings as the launcher wrote them ({@code .suite/kafka/<principal>.properties}):
     * {@code suite-observer} to read every topic, a service's name to write what it writes.
     */
    Map<String, String> kafkaSettings(String principal) {
        Path file = home.resolve(".suite/kafka/" + principal + ".properties");
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's Kafka settings of " + principal, e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    /** The observer's settings for a consumer of its own (test-support's probe): a group its ACLs admit. */
    Map<String, String> observerProbe() {
        Map<String, String> settings = new LinkedHashMap<>(observer);
        settings.put("group.id", KAFKA_OBSERVER + "-e2e-probe");
        return settings;
    }

    /** Every identity's token, from the suite's issuer. */
    AccessTokens tokens() {
        return tokens;
    }

    /** The generated clients, each calling with the token of who calls it (a customer, the operator, support). */
    SuiteClients clients() {
        return SuiteClients.of(endpoints(), tokens);
    }

    String issuerUrl() {
        return SuitePorts.url(ports.issuer());
    }

    /**
     * The support console's address as a browser opens it: {@code localhost}, as the README gives it and the launcher
     * registers it at the issuer (its session cookie has a name of its own, apart from the issuer's on the same host).
     */
    String consoleUrl() {
        return "http://localhost:" + consolePort;
    }

    /** The issuer's state directory: the support staff's passwords in {@code persons.properties}. */
    Path issuerState() {
        return home.resolve(".suite/auth");
    }

    /** The partner-bank proxy's address (replica 1, the adapter's door to the core). */
    String proxyUrl() {
        return SuitePorts.url(ports.proxy());
    }

    /** The spans the services exported (OTLP over HTTP, every half second). */
    OtlpSink traces() {
        return traces;
    }

    /** Each service's database, as its own login role. */
    ServiceDatabases databases() {
        return new ServiceDatabases(database("accounts"), database("transfers"), database("simulator"),
                database("proxy"), database("adapter"), database("reconciliation"));
    }

    private TestDatabase database(String name) {
        String role = name + "_service";
        try {
            return new TestDatabase(name, "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + name, role,
                    Files.readString(home.resolve(".suite/postgres/" + role + ".password")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the launcher's password of " + role, e);
        }
    }

    /** The launcher's table of the stack's processes (their pids change as it restarts them). */
    ProcessTable processes() {
        return new ProcessTable(home);
    }

    /** Every replica of {@code service} (a module name such as {@code accounts-service}), to kill or pause. */
    ServiceReplicas service(String service) {
        return new ServiceReplicas(processes(), service);
    }

    /** The stack's home: {@code .suite/} with its data, logs and secrets, as {@code ./suite up} keeps them. */
    Path home() {
        return home;
    }

    SuitePorts ports() {
        return ports;
    }

    /** A free port whose neighbour {@code step} above is free too (replica 2's), or any free port for step 0. */
    private static int freePort(int step) throws IOException {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (step == 0) {
                return port;
            }
            if (port + step > 65535) {
                continue;
            }
            try (ServerSocket neighbour = new ServerSocket(port + step)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
    }

    /** Sleeps, or throws when interrupted (the interrupt kept). */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM to the launcher: it stops the services, Kafka, then PostgreSQL. */
    @Override
    public void close() {
        launcher.destroy();
        try {
            if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        traces.close();
    }
}
