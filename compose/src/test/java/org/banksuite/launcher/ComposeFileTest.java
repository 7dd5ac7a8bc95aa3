package org.banksuite.launcher;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file is checked where no Docker engine runs: against the Compose specification's JSON Schema, and
 * against the local stack's own list of services, so it cannot drift from {@code ./suite up}. Where the
 * {@code docker compose} command exists, its own validation runs as well.
 * <p>
 * Lives in the launcher's package to read {@link Services#ALL}, the one list of the suite's services.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Map<String, Object> compose = load();

    @Test
    void satisfiesTheComposeSpecification() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode specification = json.readTree(Files.readString(Path.of("compose-spec.schema.json")));
        withoutDraft4Ids(specification);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(json.writeValueAsString(specification), InputFormat.JSON);

        List<Error> errors = schema.validate(json.writeValueAsString(compose), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @Test
    void runsEveryServiceOfTheLocalStackOnItsPortWithItsDatabaseAndTheBroker() {
        for (ServiceDefinition service : Services.ALL) {
            Map<String, Object> container = service(service.module());
            Map<String, Object> environment = map(container.get("environment"));

            assertThat(container.get("image")).isEqualTo("banksuite/" + service.module() + ":" + VERSION);
            assertThat(String.valueOf(environment.get("SERVER_PORT"))).isEqualTo(String.valueOf(service.defaultPort()));
            if (service.equals(Services.ISSUER) || service.equals(Services.CONSOLE)) {
                continue;   // no database, no broker: below
            }
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + service.database());
            assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:19092");
            assertThat(map(container.get("depends_on"))).containsOnlyKeys("postgres", "kafka", "auth-issuer");
        }
    }

    @Test
    void runsTheIssuerWithItsKeyAndSecretsOnAVolumeAndPointsEveryServiceAtIt() {
        Map<String, Object> issuer = service("auth-issuer");
        Map<String, Object> environment = map(issuer.get("environment"));

        assertThat(environment).containsEntry("ISSUER_URI", "http://auth-issuer:8086")
                .containsEntry("ISSUER_STATE_DIR", "/auth");
        assertThat(list(issuer.get("volumes"))).containsExactly("auth-state:/auth");
        assertThat(map(issuer.get("healthcheck"))).containsKey("test");
        for (ServiceDefinition service : Services.ALL) {
            if (!service.equals(Services.ISSUER) && !service.equals(Services.CONSOLE)) {
                assertThat(map(service(service.module()).get("environment")))
                        .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://auth-issuer:8086")
                        .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                                "http://auth-issuer:8086/oauth2/jwks");
            }
        }
    }

    @Test
    void signsSupportStaffInToTheConsoleAtTheIssuerTheBrowserReaches() {
        Map<String, Object> console = service("support-console");
        Map<String, Object> environment = map(console.get("environment"));

        assertThat(environment)
                .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SUITE_ISSUER_URI", "http://auth-issuer:8086")
                .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SUITE_AUTHORIZATION_URI",
                        "http://localhost:8086/oauth2/authorize")
                .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SUITE_CLIENT_SECRET", "$${support-console}")
                .containsEntry("SPRING_CONFIG_IMPORT", "optional:file:/auth/clients.properties");
        assertThat(String.valueOf(environment.get("SPRING_APPLICATION_JSON")))
                .contains("http://accounts-service:8081", "http://transfers-service:8082",
                        "http://partner-bank-adapter:8083");
        assertThat(list(console.get("volumes"))).containsExactly("auth-state:/auth:ro");
        assertThat(map(console.get("depends_on"))).containsOnlyKeys("auth-issuer");
    }

    @Test
    void givesTheAdapterAndTheProxyTheirCoreClientRegistrationWithTheirOwnSecret() {
        for (String client : List.of("partner-bank-adapter", "partner-bank-proxy")) {
            Map<String, Object> container = service(client);

            assertThat(map(container.get("environment")))
                    .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_CLIENT_ID", client)
                    // compose writes $$ as $: Spring resolves the placeholder from the issuer's clients.properties
                    .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_CLIENT_SECRET", "$${" + client + "}")
                    .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_AUTHORIZATION_GRANT_TYPE",
                            "client_credentials")
                    .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORE_TOKEN_URI",
                            "http://auth-issuer:8086/oauth2/token")
                    .containsEntry("SPRING_CONFIG_IMPORT", "optional:file:/auth/clients.properties");
            assertThat(list(container.get("volumes"))).containsExactly("auth-state:/auth:ro");
        }
    }

    @Test
    void logsEveryServiceInAsItsOwnRoleWithAGeneratedPassword() throws IOException {
        String initScript = Files.readString(Path.of("postgres-init", "01-service-databases.sh"));
        Map<String, Object> postgres = map(service("postgres").get("environment"));
        for (ServiceDefinition service : Services.ALL.stream().filter(ServiceDefinition::hasDatabase).toList()) {
            Map<String, Object> environment = map(service(service.module()).get("environment"));
            String passwordVariable = service.database().toUpperCase(java.util.Locale.ROOT) + "_DB_PASSWORD";

            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(service.databaseRole());
            assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(required(passwordVariable));
            assertThat(postgres.get(passwordVariable)).isEqualTo(required(passwordVariable));
            assertThat(initScript).containsPattern("for database in [a-z ]*\\b" + service.database() + "\\b");
        }
        assertThat(postgres.get("POSTGRES_PASSWORD")).isEqualTo(required("POSTGRES_PASSWORD"));
        assertThat(initScript).contains("role=\"${database}_service\"", "revoke connect, temporary on database");
    }

    @Test
    void generatesEveryPasswordTheFileAsksFor(@TempDir Path copy) throws Exception {
        Files.copy(Path.of("generate-passwords.sh"), copy.resolve("generate-passwords.sh"));
        Process generate = new ProcessBuilder("sh", copy.resolve("generate-passwords.sh").toString())
                .redirectErrorStream(true).start();
        String output = new String(generate.getInputStream().readAllBytes());
        assertThat(generate.waitFor()).as(output).isZero();

        Properties generated = new Properties();
        generated.load(new StringReader(Files.readString(copy.resolve(".env"))));
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(COMPOSE_FILE));
        while (required.find()) {
            assertThat(generated.getProperty(required.group(1))).as(required.group(1)).matches("[A-Za-z0-9_-]{32}");
        }
        assertThat(new java.util.HashSet<>(generated.values())).hasSize(generated.size());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve(".env")))).isEqualTo("rw-------");
    }

    @Test
    void publishesOnlyTheServicesHttpPortsAndOnlyOnLoopback() {
        Map<String, Object> services = map(compose.get("services"));
        List<String> suiteServices = Services.ALL.stream().map(ServiceDefinition::module).toList();

        assertThat(services).containsKeys("postgres", "kafka");
        services.forEach((name, definition) -> {
            Object ports = map(definition).get("ports");
            Integer port = Services.ALL.stream().filter(service -> service.module().equals(name))
                    .map(ServiceDefinition::defaultPort).findFirst().orElse(null);
            if (suiteServices.contains(name)) {
                assertThat(list(ports)).as(name).containsExactly("127.0.0.1:" + port + ":" + port);
            } else {
                assertThat(ports).as(name + " publishes no port").isNull();
            }
        });
    }

    @Test
    void pointsTheProxyAtTheCoreAndTheAdapterAtTheProxy() {
        assertThat(map(service("partner-bank-proxy").get("environment")).get("PROXY_CORE_BASE_URL"))
                .isEqualTo("http://partner-bank-simulator:8089");
        assertThat(map(service("partner-bank-adapter").get("environment")).get("ADAPTER_PROXY_BASE_URL"))
                .isEqualTo("http://partner-bank-proxy:8084");
    }

    @Test
    void isValidForDockerComposeWhereItIsInstalled() throws Exception {
        if (!dockerComposeInstalled()) {
            return; // the checks above stand in for it
        }
        ProcessBuilder builder = new ProcessBuilder("docker", "compose", "-f", COMPOSE_FILE.toString(), "config", "--quiet")
                .redirectErrorStream(true);
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(COMPOSE_FILE));
        while (required.find()) {
            builder.environment().putIfAbsent(required.group(1), "checked-without-compose-env");
        }
        Process config = builder.start();
        String output = new String(config.getInputStream().readAllBytes());

        assertThat(config.waitFor()).as(output).isZero();
    }

    /** The published schema still carries draft-4 {@code id} annotations, which a 2019-09 validator refuses. */
    private static void withoutDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("id");
        }
        node.forEach(ComposeFileTest::withoutDraft4Ids);
    }

    private static boolean dockerComposeInstalled() {
        try {
            Process version = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    private static String required(String variable) {
        return "${" + variable + ":?run compose/generate-passwords.sh first}";
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(COMPOSE_FILE));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
