package org.banksuite.launcher;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.banksuite.infra.EmbeddedPostgresServer;
import org.banksuite.infra.EmbeddedPostgresSettings;
import org.banksuite.infra.KafkaBroker;
import org.banksuite.infra.KafkaBrokerSettings;
import org.banksuite.infra.KafkaCredentials;
import org.banksuite.infra.KafkaSecurity;
import org.banksuite.infra.ShutdownSequence;
import org.banksuite.launcher.kafka.KafkaAccess;
import org.banksuite.launcher.kafka.KafkaProvisioning;
import org.banksuite.launcher.kafka.ServiceKafkaEnvironment;

/**
 * Starts the issuer, PostgreSQL and Kafka, then (once the issuer is ready: every service checks its tokens, and the
 * adapter and the proxy need the client secrets it creates on its first start) all other services at once, each
 * replicated service {@link Replicas#count()} times (none
 * needs another to start: they meet through Kafka, and the adapter calls the proxy, and the proxy the core, only
 * when there is work), and registers each with the
 * {@link ShutdownSequence}, which stops them in the reverse order when the JVM exits (Ctrl-C, SIGTERM, or a failed
 * start). After a part died, {@link StackMonitor} starts it again through {@link #restartPostgres()},
 * {@link #restartKafka()} or {@link ServiceProcess#restart()}.
 */
final class LocalStack {

    private static final Duration PORT_GRACE = Duration.ofSeconds(15);

    private final SuiteLayout layout;
    private final Map<String, String> environment;
    private final SuiteEnvironment ports;
    private final Duration readinessTimeout;
    private final IssuerWiring issuer;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final GeneratedPasswords databasePasswords;
    private EmbeddedPostgresServer postgres;
    private ServiceDatabases serviceDatabases;
    private KafkaBroker kafka;
    private Replicas replicas = new Replicas(1);
    private volatile int postgresRestarts;
    private volatile int kafkaRestarts;

    LocalStack(SuiteLayout layout, Map<String, String> environment) {
        this.layout = layout;
        this.environment = environment;
        this.ports = SuiteEnvironment.from(environment);
        this.readinessTimeout = ReadinessTimeout.from(environment);
        this.issuer = IssuerWiring.of(layout, environment);
        this.databasePasswords = new GeneratedPasswords(layout.postgresPasswords());
    }

    void start() {
        replicas = Replicas.from(environment);
        replicas.requireDistinctPorts(environment, Services.ALL);
        List<ServiceDefinition> selected = Services.selected(environment);
        long issuerStartedAt = System.nanoTime();
        Optional<ServiceProcess> issuerProcess = selected.contains(Services.ISSUER) ? launch(Services.ISSUER, 1) : Optional.empty();
        startPostgres();
        startKafka();
        // the services verify tokens against the issuer, and the core clients need the secrets it creates
        issuerProcess.ifPresent(service -> awaitReady(service, issuerStartedAt));
        // the console discovers the issuer at its start (ready by now) and calls the services only when asked:
        // it starts beside them
        Map<ServiceProcess, Long> starting = new LinkedHashMap<>();
        for (ServiceDefinition definition : selected) {
            if (!definition.equals(Services.ISSUER)) {
                for (int replica = 1; replica <= replicas.of(definition); replica++) {
                    long startedAt = System.nanoTime();
                    launch(definition, replica).ifPresent(service -> starting.put(service, startedAt));
                }
            }
        }
        starting.forEach(this::awaitReady);
    }

    private void awaitReady(ServiceProcess service, long startedAt) {
        Readiness.await(service, readinessTimeout);
        Console.step(service.name() + " ready in " + seconds(Duration.ofNanos(System.nanoTime() - startedAt)));
    }

    private void startPostgres() {
        EmbeddedPostgresServer.stopLeftoverServer(layout.postgresData());
        PortCheck.requireFree(ports.postgresPort(), "PostgreSQL", "SUITE_POSTGRES_PORT", PORT_GRACE);
        LogFiles.rotate(layout.log("postgres"));
        Console.step("Starting PostgreSQL on port " + ports.postgresPort());
        postgres = new EmbeddedPostgresServer(EmbeddedPostgresSettings.kept(
                ports.postgresPort(), layout.postgresData(), layout.log("postgres"))
                .withSuperuserPassword(databasePasswords.of("postgres"))).start();
        serviceDatabases = new ServiceDatabases(postgres);
        serviceDatabases.closeClusterDatabases();
        Console.step("PostgreSQL ready in " + seconds(postgres.startupTime()));
    }

    private void startKafka() {
        PortCheck.requireFree(ports.kafkaPort(), "Kafka", "SUITE_KAFKA_PORT", PORT_GRACE);
        PortCheck.requireFree(ports.kafkaControllerPort(), "Kafka's controller", "SUITE_KAFKA_CONTROLLER_PORT", PORT_GRACE);
        LogFiles.rotate(layout.log("kafka"));
        Console.step("Starting Kafka on port " + ports.kafkaPort());
        KafkaSecurity security = new KafkaSecurity(kafkaCredentials(KafkaAccess.BROKER),
                kafkaCredentials(KafkaAccess.ADMIN));
        kafka = new KafkaBroker(KafkaBrokerSettings.kept(ports.kafkaPort(), ports.kafkaControllerPort(),
                layout.kafkaData(), layout.log("kafka")).withSecurity(security)).start();
        KafkaProvisioning.apply(kafka.adminClientProperties(), KafkaAccess.ALL, this::kafkaCredentials);
        Console.step("Kafka ready in " + seconds(kafka.startupTime()) + " (SASL/SCRAM; users, topics and ACLs of "
                + KafkaAccess.ALL.size() + " principals in place; their client settings in "
                + layout.show(layout.kafkaCredentials()) + ")");
    }

    /** A principal's credentials, generated into {@code .suite/kafka/} on first use. */
    private KafkaCredentials kafkaCredentials(String principal) {
        return KafkaCredentials.loadOrCreate(layout.kafkaCredentials(), principal);
    }

    private Optional<ServiceProcess> launch(ServiceDefinition definition, int replica) {
        var jar = definition.jar(layout.home());
        if (!Files.isRegularFile(jar)) {
            Console.warn(definition.name() + " NOT started: " + layout.show(jar) + " does not exist."
                    + " Build it with ./mvnw -DskipTests -pl " + definition.module() + " -am package");
            skipped.add(definition.name());
            return Optional.empty();
        }
        int port = Replicas.port(definition.port(environment), replica);
        String name = Replicas.instanceName(definition.name(), replica);
        PortCheck.requireFree(port, name, definition.portVariable(), PORT_GRACE);
        if (definition.hasDatabase() && replica == 1) { // the replicas share it
            serviceDatabases.prepare(definition.database(), definition.databaseRole(),
                    databasePasswords.of(definition.databaseRole()));
        }
        LogFiles.rotate(layout.log(name));
        Console.step("Starting " + name + " on port " + port);
        ServiceProcess service = ServiceProcess.start(definition, replica, jar, port,
                serviceEnvironment(definition, replica, port), ServiceJvmOptions.from(environment), layout.log(name));
        services.add(service);
        ShutdownSequence.register(service);
        return Optional.of(service);
    }

    private Map<String, String> serviceEnvironment(ServiceDefinition definition, int replica, int port) {
        Map<String, String> serviceEnvironment = new HashMap<>(Loopback.serverEnvironment(port));
        serviceEnvironment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        if (definition.equals(Services.ISSUER)) {
            serviceEnvironment.putAll(issuer.issuerEnvironment());
            return serviceEnvironment;
        }
        if (definition.equals(Services.CONSOLE)) {
            serviceEnvironment.putAll(issuer.consoleEnvironment());
            serviceEnvironment.put("SPRING_APPLICATION_JSON", consoleServices());
            // the entity story reads the live topics as the principal support-console
            serviceEnvironment.putAll(ServiceKafkaEnvironment.of(definition.name(), kafka.bootstrapServers(),
                    this::kafkaCredentials));
            return serviceEnvironment;
        }
        if (definition.hasDatabase()) {
            // the replica's name in pg_stat_activity.application_name: whose connections are whose
            serviceEnvironment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(definition.database())
                    + "?ApplicationName=" + Replicas.instanceName(definition.name(), replica));
            // replicas share the Axon processors' segments (service-kit's FairSegmentShare)
            serviceEnvironment.put("SUITE_SEGMENTS_SHARE", "true");
            serviceEnvironment.put("SPRING_DATASOURCE_USERNAME", definition.databaseRole());
            serviceEnvironment.put("SPRING_DATASOURCE_PASSWORD", databasePasswords.of(definition.databaseRole()));
        }
        serviceEnvironment.putAll(ServiceKafkaEnvironment.of(definition.name(), kafka.bootstrapServers(),
                this::kafkaCredentials));
        // the replicas' Kafka clients by name (./suite status shows who holds which partitions)
        serviceEnvironment.put("SPRING_KAFKA_CLIENT_ID", definition.name() + "-" + replica);
        serviceEnvironment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // the proxy's core and the adapter's proxy follow their SUITE_*_PORT variables; adapter n calls proxy n
        serviceEnvironment.put("PROXY_CORE_BASE_URL", localUrl("partner-bank-simulator"));
        serviceEnvironment.put("ADAPTER_PROXY_BASE_URL", localUrl("partner-bank-proxy", replica));
        serviceEnvironment.putAll(issuer.serviceEnvironment(definition.module()));
        return serviceEnvironment;
    }

    /** The services whose ops API the console calls, at their {@code SUITE_*_PORT}s ({@code console.services}). */
    private String consoleServices() {
        StringBuilder services = new StringBuilder("{\"console\":{\"services\":{");
        String separator = "";
        for (String module : new String[] {"accounts-service", "transfers-service", "partner-bank-adapter"}) {
            services.append(separator).append('"').append(module).append("\":{\"base-url\":\"")
                    .append(localUrl(module)).append("\"}");
            separator = ",";
        }
        // reconciliation-service has no /ops/v1 API: the entity story calls its mismatches on their own setting
        services.append("},\"story\":{\"reconciliation-url\":\"").append(localUrl("reconciliation-service"))
                .append("\"}");
        return services.append("}}").toString();
    }

    private String localUrl(String module) {
        return localUrl(module, 1);
    }

    private String localUrl(String module, int replica) {
        return Services.ALL.stream().filter(service -> service.module().equals(module)).findFirst()
                .map(service -> Loopback.browserUrl(Replicas.port(service.port(environment), replica))).orElseThrow();
    }

    /**
     * Starts PostgreSQL again after its postmaster died: same port and data; tries for up to a minute while the
     * dead server's backends still hold its shared memory.
     */
    void restartPostgres() {
        postgres.restartAfterCrash(Duration.ofSeconds(60));
        postgresRestarts++;
    }

    /** Starts the Kafka broker again after its JVM died: same ports, data and credentials. */
    void restartKafka() {
        kafka.restartAfterCrash();
        kafkaRestarts++;
    }

    /** Every process of the stack now, for {@code .suite/processes.json}. */
    List<ProcessTable.Entry> processes() {
        List<ProcessTable.Entry> processes = new ArrayList<>();
        for (ServiceProcess service : services) {
            processes.add(new ProcessTable.Entry(service.definition().name(), service.replica(), "service",
                    service.pid(), service.port(), service.browserUrl(), service.restarts()));
        }
        processes.add(new ProcessTable.Entry("postgres", 1, "postgres", postgres.pid(), postgres.port(), null,
                postgresRestarts));
        processes.add(new ProcessTable.Entry("kafka", 1, "kafka", kafka.pid(), kafka.port(), null, kafkaRestarts));
        return processes;
    }

    Replicas replicas() {
        return replicas;
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    GeneratedPasswords databasePasswords() {
        return databasePasswords;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    List<ServiceProcess> services() {
        return services;
    }

    List<String> skipped() {
        return skipped;
    }

    SuiteLayout layout() {
        return layout;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
