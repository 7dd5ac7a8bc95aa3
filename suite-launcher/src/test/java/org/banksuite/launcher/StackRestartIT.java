package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.banksuite.infra.Directories;
import org.banksuite.infra.KafkaCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher's restart on failure, on real processes: PostgreSQL and the secured Kafka broker as {@code ./suite up}
 * runs them, and two replicas ({@code SUITE_REPLICAS=2}) of accounts-service, whose jar here is {@link FakeService}
 * (a JVM answering its health checks) so that the stack starts in seconds. Each part is killed with SIGKILL and must
 * come back with a new pid, working, with {@code .suite/processes.json} rewritten; a paused one (SIGSTOP) is left alone.
 * {@link WorkSplit} ({@code ./suite status}) names the replica behind a consumer-group member and a segment's owner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackRestartIT {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static Path home;
    private static LocalStack stack;
    private static StackMonitor monitor;

    @BeforeAll
    static void startPostgresKafkaAndTwoReplicas() throws IOException {
        home = Files.createTempDirectory("stack-restart-");
        writeFakeJar(home.resolve("accounts-service/target/accounts-service.jar"));
        int accountsPort = portFreeWithItsReplica();
        Map<String, String> environment = Map.of(
                "SUITE_SERVICES", "accounts-service",
                "SUITE_REPLICAS", "2",
                "SUITE_POSTGRES_PORT", Integer.toString(freePort()),
                "SUITE_KAFKA_PORT", Integer.toString(freePort()),
                "SUITE_KAFKA_CONTROLLER_PORT", Integer.toString(freePort()),
                "SUITE_ACCOUNTS_PORT", Integer.toString(accountsPort),
                "SUITE_SERVICE_JAVA_OPTS", "-Xmx32m");
        stack = new LocalStack(new SuiteLayout(home), environment);
        stack.start();
        ProcessTable.write(stack.layout().processesFile(), stack.processes());
        monitor = new StackMonitor(stack, RestartPolicy.from(environment));
        Thread.ofPlatform().daemon().name("stack-monitor").start(() -> {
            try {
                monitor.watchUntilShutdown();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterAll
    static void stopEverything() {
        if (monitor != null) {
            monitor.stopping();
        }
        if (stack != null) {
            stack.services().forEach(ServiceProcess::close);
            if (stack.kafka() != null) {
                stack.kafka().close();
            }
            if (stack.postgres() != null) {
                stack.postgres().close();
            }
        }
        Directories.deleteQuietly(home);
    }

    @Test
    @Order(1)
    void runsTwoReplicasOnTheirPortsAndListsEveryProcess() throws IOException {
        assertThat(stack.services()).extracting(ServiceProcess::name)
                .containsExactly("accounts-service", "accounts-service-2");
        ServiceProcess first = stack.services().get(0);
        ServiceProcess second = stack.services().get(1);
        assertThat(second.port()).isEqualTo(first.port() + 100);
        assertThat(healthy(second)).isTrue();
        assertThat(second.logFile()).isEqualTo(home.resolve(".suite/logs/accounts-service-2.log"));
        assertThat(processes()).contains("{\"name\":\"accounts-service\",\"replica\":2,\"kind\":\"service\",\"pid\":"
                        + second.pid() + ",\"port\":" + second.port() + ",\"url\":\"http://localhost:" + second.port()
                        + "\",\"restarts\":0}")
                .contains("\"kind\":\"postgres\",\"pid\":" + stack.postgres().pid())
                .contains("\"kind\":\"kafka\",\"pid\":" + stack.kafka().pid());
    }

    @Test
    @Order(2)
    void showsWhichReplicaHoldsWhichPartitionsAndSegments() throws Exception {
        ServiceProcess second = stack.services().get(1);
        Map<String, Object> consumer = new HashMap<>(stack.kafka().clientProperties(
                KafkaCredentials.loadOrCreate(stack.layout().kafkaCredentials(), "accounts-service")));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "accounts-service");
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "accounts-service-2-0");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> member = new KafkaConsumer<>(consumer);
             Connection accounts = DriverManager.getConnection(stack.postgres().jdbcUrl("accounts"),
                     stack.postgres().username(), stack.postgres().password());
             Statement sql = accounts.createStatement()) {
            member.subscribe(List.of("transfers.events"));
            long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
            while (member.assignment().isEmpty() && System.nanoTime() < deadline) {
                member.poll(Duration.ofMillis(200));
            }
            sql.execute("create table tokenentry (processorname varchar(255), segment integer, owner varchar(255))");
            sql.execute("insert into tokenentry values ('account-projection', 0, '" + second.pid() + "@localhost'),"
                    + " ('account-projection', 1, null)");

            assertThat(WorkSplit.kafkaGroups(stack.layout(), stack.kafka().port()))
                    .anySatisfy(line -> assertThat(line).contains("accounts-service (Stable, 1 members)"))
                    .anySatisfy(line -> assertThat(line).contains("accounts-service-2-0")
                            .contains("transfers.events[0,1,2]"));
            assertThat(WorkSplit.axonSegments(stack.layout(), stack.postgres().port(),
                    WorkSplit.replicasByPid(stack.layout().processesFile())))
                    .anySatisfy(line -> assertThat(line).contains("account-projection")
                            .contains("accounts-service-2 (" + second.pid() + "@localhost): segments 0")
                            .contains("unclaimed: segments 1"));
            sql.execute("drop table tokenentry");
        }
    }

    @Test
    @Order(3)
    void leavesAPausedReplicaAlone() throws Exception {
        ServiceProcess first = stack.services().get(0);
        long pid = first.pid();
        signal(pid, "STOP");
        try {
            Thread.sleep(3000); // the monitor looks every second
            assertThat(first.pid()).isEqualTo(pid);
            assertThat(first.restarts()).isZero();
        } finally {
            signal(pid, "CONT");
        }
        awaitUntil(() -> healthy(first), "accounts-service healthy again after SIGCONT");
    }

    @Test
    @Order(4)
    void restartsAKilledReplicaOnItsPortWithItsLogAppended() throws Exception {
        ServiceProcess second = stack.services().get(1);
        long killed = second.pid();
        signal(killed, "KILL");

        awaitUntil(() -> second.pid() != killed && healthy(second), "accounts-service-2 back and healthy");
        assertThat(second.restarts()).isEqualTo(1);
        assertThat(Files.readString(second.logFile())).contains("starting").contains("restarting after it exited");
        awaitUntil(() -> processes().contains("\"pid\":" + second.pid() + ",\"port\":" + second.port()),
                "processes.json shows the new pid");
        assertThat(processes()).contains("\"port\":" + second.port() + ",\"url\":\"http://localhost:"
                + second.port() + "\",\"restarts\":1}");
    }

    @Test
    @Order(5)
    void restartsAKilledPostgresWithItsData() throws Exception {
        long killed = stack.postgres().pid();
        signal(killed, "KILL");

        awaitUntil(() -> stack.postgres().isRunning() && stack.postgres().pid() != killed, "PostgreSQL back");
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("accounts"),
                "accounts_service", stack.databasePasswords().of("accounts_service"));
             ResultSet owner = connection.createStatement().executeQuery(
                     "select pg_catalog.pg_get_userbyid(datdba) from pg_database where datname = 'accounts'")) {
            assertThat(owner.next()).isTrue();
            assertThat(owner.getString(1)).isEqualTo("accounts_service"); // the same cluster, not a fresh one
        }
        awaitUntil(() -> processes().contains("\"kind\":\"postgres\",\"pid\":" + stack.postgres().pid()),
                "processes.json shows PostgreSQL's new pid");
        assertThat(processes()).containsPattern("\"kind\":\"postgres\",[^}]*\"restarts\":1}");
    }

    @Test
    @Order(6)
    void restartsAKilledKafkaBrokerWithItsTopics() throws Exception {
        long killed = stack.kafka().pid();
        signal(killed, "KILL");

        awaitUntil(() -> stack.kafka().isRunning() && stack.kafka().pid() != killed, "Kafka back");
        try (Admin admin = Admin.create(stack.kafka().adminClientProperties())) {
            assertThat(admin.listTopics().names().get()).contains("accounts.events");
        }
        awaitUntil(() -> processes().contains("\"kind\":\"kafka\",\"pid\":" + stack.kafka().pid()),
                "processes.json shows Kafka's new pid");
    }

    private static String processes() {
        try {
            return Files.readString(stack.layout().processesFile()).replace("\n", "");
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean healthy(ServiceProcess service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + BACK_WITHIN.toSeconds() + " s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor()).isZero();
    }

    private static void writeFakeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = FakeService.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    /** A free port whose replica's port (+100) is free too. */
    private static int portFreeWithItsReplica() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port + Replicas.PORT_STEP <= 65535 && !PortCheck.inUse(port + Replicas.PORT_STEP)) {
                return port;
            }
        }
        throw new IllegalStateException("no free pair of ports");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
