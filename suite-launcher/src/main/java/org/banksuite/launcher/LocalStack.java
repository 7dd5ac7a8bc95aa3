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
import org.banksuite.infra.ShutdownSequence;

/**
 * Starts PostgreSQL, Kafka and then all services at once (none needs another to start: they meet through Kafka,
 * and the adapter calls the proxy, and the proxy the core, only when there is work), and registers each with the
 * {@link ShutdownSequence}, which stops them in the reverse order when the JVM exits (Ctrl-C, SIGTERM, or a failed
 * start).
 */
final class LocalStack {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PORT_GRACE = Duration.ofSeconds(15);

    private final SuiteLayout layout;
    private final Map<String, String> environment;
    private final SuiteEnvironment ports;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final GeneratedPasswords databasePasswords;
    private EmbeddedPostgresServer postgres;
    private ServiceDatabases serviceDatabases;
    private KafkaBroker kafka;

    LocalStack(SuiteLayout layout, Map<String, String> environment) {
        this.layout = layout;
        this.environment = environment;
        this.ports = SuiteEnvironment.from(environment);
        this.databasePasswords = new GeneratedPasswords(layout.postgresPasswords());
    }

    void start() {
        startPostgres();
        startKafka();
        Map<ServiceProcess, Long> starting = new LinkedHashMap<>();
        for (ServiceDefinition definition : Services.selected(environment)) {
            long startedAt = System.nanoTime();
            launch(definition).ifPresent(service -> starting.put(service, startedAt));
        }
        starting.forEach((service, startedAt) -> {
            Readiness.await(service, READINESS_TIMEOUT);
            Console.step(service.definition().name() + " ready in " + seconds(Duration.ofNanos(System.nanoTime() - startedAt)));
        });
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
        kafka = new KafkaBroker(KafkaBrokerSettings.kept(
                ports.kafkaPort(), ports.kafkaControllerPort(), layout.kafkaData(), layout.log("kafka"))).start();
        Console.step("Kafka ready in " + seconds(kafka.startupTime()));
    }

    private Optional<ServiceProcess> launch(ServiceDefinition definition) {
        var jar = definition.jar(layout.home());
        if (!Files.isRegularFile(jar)) {
            Console.warn(definition.name() + " NOT started: " + layout.show(jar) + " does not exist."
                    + " Build it with ./mvnw -DskipTests -pl " + definition.module() + " -am package");
            skipped.add(definition.name());
            return Optional.empty();
        }
        int port = definition.port(environment);
        PortCheck.requireFree(port, definition.name(), definition.portVariable(), PORT_GRACE);
        if (definition.hasDatabase()) {
            serviceDatabases.prepare(definition.database(), definition.databaseRole(),
                    databasePasswords.of(definition.databaseRole()));
        }
        LogFiles.rotate(layout.log(definition.name()));
        Console.step("Starting " + definition.name() + " on port " + port);
        ServiceProcess service = ServiceProcess.start(definition, jar, port, serviceEnvironment(definition, port),
                ServiceJvmOptions.from(environment), layout.log(definition.name()));
        services.add(service);
        ShutdownSequence.register(service);
        return Optional.of(service);
    }

    private Map<String, String> serviceEnvironment(ServiceDefinition definition, int port) {
        Map<String, String> serviceEnvironment = new HashMap<>(Loopback.serverEnvironment(port));
        if (definition.hasDatabase()) {
            serviceEnvironment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(definition.database()));
            serviceEnvironment.put("SPRING_DATASOURCE_USERNAME", definition.databaseRole());
            serviceEnvironment.put("SPRING_DATASOURCE_PASSWORD", databasePasswords.of(definition.databaseRole()));
        }
        serviceEnvironment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        serviceEnvironment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        serviceEnvironment.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        // the proxy's core and the adapter's proxy follow their SUITE_*_PORT variables
        serviceEnvironment.put("PROXY_CORE_BASE_URL", localUrl("partner-bank-simulator"));
        serviceEnvironment.put("ADAPTER_PROXY_BASE_URL", localUrl("partner-bank-proxy"));
        return serviceEnvironment;
    }

    private String localUrl(String module) {
        return Services.ALL.stream().filter(service -> service.module().equals(module)).findFirst()
                .map(service -> "http://localhost:" + service.port(environment)).orElseThrow();
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
