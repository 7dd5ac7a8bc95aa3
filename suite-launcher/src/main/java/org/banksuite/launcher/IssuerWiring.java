package org.banksuite.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the local stack's services meet the issuer (service-security's README): the issuer's own settings, every service's
 * resource-server properties (tokens must come from this issuer, keys from its JWKS), and the client registration
 * {@code core} with which the adapter calls the proxy and the proxy calls the simulator (their client id is their
 * module name, their secret is read from the issuer's {@code clients.properties}).
 */
final class IssuerWiring {

    /** The services that call the next hop towards the core with a client-credentials token. */
    static final Set<String> CORE_CLIENTS = Set.of("partner-bank-adapter", "partner-bank-proxy");
    static final String CLIENTS_FILE = "clients.properties";
    private static final String REGISTRATION = "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CORE_";

    /** The support console's client at the issuer (authorization code; auth-issuer's README). */
    static final String CONSOLE_CLIENT = "support-console";

    private final String issuerUrl;
    private final Path stateDirectory;
    private final String consoleUrl;

    /**
     * @param issuerUrl      the issuer's URI, which is also every token's {@code iss}
     * @param stateDirectory where the issuer keeps its key and its clients' secrets
     */
    IssuerWiring(String issuerUrl, Path stateDirectory) {
        this(issuerUrl, stateDirectory, Loopback.browserUrl(Services.CONSOLE.defaultPort()));
    }

    /**
     * @param consoleUrl where a browser opens the support console: the issuer sends its users back there
     */
    IssuerWiring(String issuerUrl, Path stateDirectory, String consoleUrl) {
        this.issuerUrl = issuerUrl;
        this.stateDirectory = stateDirectory;
        this.consoleUrl = consoleUrl;
    }

    static IssuerWiring of(SuiteLayout layout, Map<String, String> environment) {
        return new IssuerWiring(Loopback.browserUrl(Services.ISSUER.port(environment)), layout.authState(),
                Loopback.browserUrl(Services.CONSOLE.port(environment)));
    }

    String issuerUrl() {
        return issuerUrl;
    }

    /**
     * The issuer's own environment: its URI (the {@code iss}), its state directory, and where it sends the support
     * console's users back after signing in and out.
     */
    Map<String, String> issuerEnvironment() {
        return Map.of("ISSUER_URI", issuerUrl, "ISSUER_STATE_DIR", stateDirectory.toString(),
                "ISSUER_CONSOLE_REDIRECT_URI", consoleUrl + "/login/oauth2/code/suite",
                "ISSUER_CONSOLE_POST_LOGOUT_REDIRECT_URI", consoleUrl + "/");
    }

    /**
     * What the support console needs to sign people in: the issuer (discovered at its start) and its client secret.
     *
     * @throws IllegalStateException when the console's secret is not in the issuer's state (the issuer has not run)
     */
    Map<String, String> consoleEnvironment() {
        return Map.of("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SUITE_ISSUER_URI", issuerUrl,
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SUITE_CLIENT_SECRET", secret(CONSOLE_CLIENT));
    }

    /**
     * What {@code module} needs to check tokens, and, for a core client, to get its own.
     *
     * @throws IllegalStateException when a core client's secret is not in the issuer's state (the issuer has not run)
     */
    Map<String, String> serviceEnvironment(String module) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuerUrl);
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuerUrl + "/oauth2/jwks");
        if (CORE_CLIENTS.contains(module)) {
            environment.put(REGISTRATION + "CLIENT_ID", module);
            environment.put(REGISTRATION + "CLIENT_SECRET", secret(module));
            environment.put(REGISTRATION + "AUTHORIZATION_GRANT_TYPE", "client_credentials");
            environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORE_TOKEN_URI", issuerUrl + "/oauth2/token");
        }
        return environment;
    }

    private String secret(String clientId) {
        Path file = stateDirectory.resolve(CLIENTS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: the issuer creates it on its first start"
                    + " (start it too, it is in SUITE_SERVICES' default)");
        }
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String secret = secrets.getProperty(clientId);
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(file + " has no secret for " + clientId);
        }
        return secret.trim();
    }
}
