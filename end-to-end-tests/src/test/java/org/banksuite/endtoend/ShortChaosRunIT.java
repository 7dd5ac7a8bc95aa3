package org.banksuite.bench.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.banksuite.bench.suite.SuitePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short chaos run of issue 16: the real launcher ({@code Suite up}, as {@code ./suite up} runs it)
 * with two replicas of each of the suite's services, in a home of its own (the services' jars linked from the
 * reactor, its own {@code .suite}, free ports), and {@link Chaos#run} against it: a few hundred transfers and the
 * other operations while a replica of accounts-service, the Kafka broker and PostgreSQL are each killed with
 * {@code kill -9} (and restarted by the launcher) and a process is paused. Every invariant must hold. The core's
 * faults are left to the full run ({@code ./suite chaos}, README): after them the adapter's retries back off for
 * minutes, longer than the build can wait; the adapter's and proxy's own tests cover each of them.
 * <p>
 * Not in the default build (profile {@code chaos}: {@code ./mvnw -B -pl suite-bench -am verify -Pchaos -Dtest=none
 * -Dit.test=ShortChaosRunIT -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}): its
 * second whole stack beside end-to-end-tests' took the 2-core build from about 8.5 to 13 minutes. It takes about
 * 4 minutes alone.
 */
class ShortChaosRunIT {

    private static final List<String> SERVICES = List.of("auth-issuer", "accounts-service", "transfers-service",
            "partner-bank-simulator", "partner-bank-proxy", "partner-bank-adapter", "reconciliation-service");
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);

    private static Path home;
    private static Process launcher;
    private static SuitePorts ports;

    @BeforeAll
    static void startTheSuiteWithTwoReplicas() throws IOException {
        home = Files.createTempDirectory("short-chaos-");
        for (String module : SERVICES) {
            Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
            assertThat(jar).as("the reactor builds " + module + " before this module").isRegularFile();
            Path link = home.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, jar);
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("SUITE_SERVICES", String.join(",", SERVICES));
        environment.put("SUITE_REPLICAS", "2");
        environment.put("SUITE_READY_TIMEOUT", Long.toString(READY_WITHIN.toSeconds()));
        for (String variable : List.of("SUITE_POSTGRES_PORT", "SUITE_KAFKA_PORT", "SUITE_KAFKA_CONTROLLER_PORT",
                "SUITE_ISSUER_PORT", "SUITE_SIMULATOR_PORT", "SUITE_CONSOLE_PORT")) {
            environment.put(variable, Integer.toString(freePort(0)));
        }
        for (String variable : List.of("SUITE_ACCOUNTS_PORT", "SUITE_TRANSFERS_PORT", "SUITE_ADAPTER_PORT",
                "SUITE_PROXY_PORT", "SUITE_RECONCILIATION_PORT")) {
            environment.put(variable, Integer.toString(freePort(100)));
        }
        ports = SuitePorts.from(environment);
        ProcessBuilder up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dsuite.home=" + home, "-cp", System.getProperty("java.class.path"),
                "org.banksuite.launcher.Suite", "up")
                .redirectErrorStream(true).redirectOutput(home.resolve("launcher.log").toFile());
        up.environment().putAll(environment);
        launcher = up.start();
    }

    @AfterAll
    static void stopTheSuite() throws InterruptedException {
        if (launcher != null) {
            launcher.destroy(); // SIGTERM: the launcher stops the services, Kafka, then PostgreSQL
            if (!launcher.waitFor(2, TimeUnit.MINUTES)) {
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void everyInvariantHoldsWhenAReplicaTheBrokerAndPostgresAreKilledUnderLoad() throws IOException {
        ChaosOptions options = ChaosOptions.parse("--seed", "16", "--transfers", "240", "--rate", "6",
                "--accounts", "8", "--must-kill", "accounts-service#2,kafka,postgres", "--fault-every", "100000",
                "--core-faults", "off",
                "--heal-patience", "6", "--out", home.resolve("results").toString());

        ChaosReport report = Chaos.run(home, ports, options);

        assertThat(report.replicas()).isEqualTo(2);
        assertThat(report.faultsInjected().get(Fault.Kind.KILL)).as("kills").isEqualTo(3);
        assertThat(report.restarts()).as("restarts by the launcher")
                .hasEntrySatisfying("accounts-service#2", restarts -> assertThat(restarts).isPositive())
                .hasEntrySatisfying("kafka", restarts -> assertThat(restarts).isPositive())
                .hasEntrySatisfying("postgres", restarts -> assertThat(restarts).isPositive());
        assertThat(report.operations().get(Operation.INTERNAL_TRANSFER).done()).isPositive();
        assertThat(report.checks()).as(report.summary()).allSatisfy(check -> assertThat(check.holds())
                .as(check.name() + ": " + check.figure() + " " + check.examples()).isTrue());
    }

    /** A free port whose neighbour {@code step} above is free too (replica 2's), or any free port for step 0. */
    private static int freePort(int step) throws IOException {
        while (true) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (step == 0 || port + step > 65535) {
                if (step == 0) {
                    return port;
                }
                continue;
            }
            try (ServerSocket neighbour = new ServerSocket(port + step)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
    }
}
