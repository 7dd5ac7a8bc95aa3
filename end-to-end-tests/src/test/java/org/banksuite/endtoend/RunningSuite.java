package org.banksuite.endtoend;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.SuiteClients;
import org.banksuite.launcher.demo.SuiteEndpoints;
import org.banksuite.testsupport.ServiceProcess;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;

/**
 * The whole suite as users run it: each service its own JVM from its jar, with its own database on the shared test
 * PostgreSQL, all on the shared Kafka broker under one topic prefix. The issuer ({@code auth-issuer}, its state under
 * {@code target/}) starts first: every service verifies tokens against it, and the adapter and the proxy get their
 * own from it for their calls to the core (registration {@code core}). accounts-service, transfers-service,
 * reconciliation-service, the simulator, the proxy and the adapter then start side by side (the proxy and the adapter
 * are given the simulator's and the proxy's ports, picked beforehand). {@link #tokens()} gives the tests every
 * identity's token from the same issuer.
 */
final class RunningSuite implements AutoCloseable {

    /**
     * How long reconciliation-service lets a discrepancy last before it raises it: short, so a test sees a real
     * mismatch published within its patience (HiddenCoreEntryIT waits it out), and longer than the suite's own lag
     * between a core entry and its booking (a few seconds). Should a loaded machine stretch that lag past it, the
     * mismatch raised is resolved once the entry is booked; the invariants look at open mismatches once settled.
     */
    static final String RECONCILIATION_GRACE = "PT10S";
    /**
     * How long the broker keeps a silent member of a service's consumer group before it gives its partitions to
     * others (Kafka's default 45 s; 6 s is the broker's minimum). A service killed by {@code kill -9} never leaves its
     * group, so when it restarts, its group's rebalance waits for the dead member's session to end: with the default
     * that wait, not the restart, was most of the crash tests' time. Heartbeats go every 2 s from their own thread.
     */
    private static final List<String> CONSUMER_SESSION = List.of(
            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000");
    /** The issuer's clients the core side is called as (service-security's README). */
    static final String ADAPTER = "partner-bank-adapter";
    static final String PROXY = "partner-bank-proxy";
    /** Where a browser opens the support console: on 127.0.0.1, apart from the issuer's cookies on localhost. */
    private static final String CONSOLE_LOOPBACK = "http://127.0.0.1:8087";

    private final String topicPrefix;
    private final String bootstrapServers;
    private final ServiceDatabases databases;
    private final List<ServiceProcess> started = new ArrayList<>();
    /** Where every service exports its spans, as to a collector. */
    private final OtlpSink traces = OtlpSink.start();
    private ServiceProcess accounts;
    private ServiceProcess transfers;
    private ServiceProcess simulator;
    private ServiceProcess adapter;
    private ServiceProcess reconciliation;
    private ServiceProcess proxy;
    private ServiceProcess issuer;
    private ServiceProcess console;
    private AccessTokens tokens;
    private Properties clientSecrets;

    private RunningSuite(String name) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        this.topicPrefix = infrastructure.newTopicPrefix(name);
        this.bootstrapServers = infrastructure.kafkaBootstrapServers();
        this.databases = ServiceDatabases.create(infrastructure, name);
    }

    static RunningSuite start(String name) {
        long startedAt = System.nanoTime();
        RunningSuite suite = new RunningSuite(name);
        try {
            suite.startServices();
        } catch (RuntimeException failed) {
            suite.close();
            throw failed;
        }
        System.out.printf("The suite for %s is up in %.1f s: %s%n", name, (System.nanoTime() - startedAt) / 1e9,
                suite.endpoints().describe());
        return suite;
    }

    private void startServices() {
        Path issuerState = Path.of("target", "auth-issuer-" + topicPrefix.replaceAll("[^A-Za-z0-9_-]", "_"));
        issuer = start("auth-issuer", null, "--issuer.uri=http://localhost:${server.port}",
                "--issuer.state-dir=" + issuerState,
                // the console runs on a free port: a loopback IP literal's redirect matches on any port (RFC 8252)
                "--issuer.console.redirect-uri=" + CONSOLE_LOOPBACK + "/login/oauth2/code/suite",
                "--issuer.console.post-logout-redirect-uri=" + CONSOLE_LOOPBACK + "/");
        tokens = AccessTokens.fromClientsFile(issuer.baseUrl(), issuerState.resolve("clients.properties"));
        clientSecrets = new Properties();
        try (Reader secrets = Files.newBufferedReader(issuerState.resolve("clients.properties"))) {
            clientSecrets.load(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("the issuer's client secrets in " + issuerState, e);
        }
        CompletableFuture<ServiceProcess> accountsService = startAsync("accounts-service", databases.accounts(),
                secured(kafka()));
        CompletableFuture<ServiceProcess> transfersService = startAsync("transfers-service", databases.transfers(),
                secured(kafka()));
        CompletableFuture<ServiceProcess> reconciliationService = startAsync("reconciliation-service",
                databases.reconciliation(), secured(with(with(kafka(), "--reconciliation.grace-period="
                        + RECONCILIATION_GRACE), "--reconciliation.check-interval=PT1S")));
        // the proxy and the adapter are given the addresses of the simulator and the proxy before those are up:
        // none of them calls the next while starting, so all start side by side
        int simulatorPort = freePort();
        int proxyPort = freePort(simulatorPort);
        CompletableFuture<ServiceProcess> simulatorStart = startAsync(simulatorPort, "partner-bank-simulator",
                databases.simulator(), secured(new String[0]));
        CompletableFuture<ServiceProcess> proxyStart = startAsync(proxyPort, "partner-bank-proxy", databases.proxy(),
                coreClient(PROXY, secured(new String[] {"--proxy.core.base-url=http://localhost:" + simulatorPort})));
        CompletableFuture<ServiceProcess> adapterStart = startAsync(0, "partner-bank-adapter", databases.adapter(),
                coreClient(ADAPTER, secured(with(kafka(), "--adapter.proxy.base-url=http://localhost:" + proxyPort))));
        CompletableFuture<ServiceProcess> partnerSide = CompletableFuture.allOf(simulatorStart, proxyStart, adapterStart)
                .thenApply(all -> {
                    simulator = simulatorStart.join();
                    proxy = proxyStart.join();
                    return adapterStart.join();
                });
        try {
            accounts = accountsService.join();
            transfers = transfersService.join();
            adapter = partnerSide.join();
            reconciliation = reconciliationService.join();
            console = start("support-console", null,
                    "--spring.security.oauth2.client.provider.suite.issuer-uri=" + issuer.baseUrl(),
                    "--spring.security.oauth2.client.registration.suite.client-secret="
                            + clientSecrets.getProperty("support-console"),
                    "--console.services.accounts-service.base-url=" + accounts.baseUrl(),
                    "--console.services.transfers-service.base-url=" + transfers.baseUrl(),
                    "--console.services.partner-bank-adapter.base-url=" + adapter.baseUrl(),
                    // the entity story: the test broker's topics (plaintext) and reconciliation's mismatches
                    "--spring.kafka.bootstrap-servers=" + bootstrapServers, "--suite.topics.prefix=" + topicPrefix,
                    "--console.story.reconciliation-url=" + reconciliation.baseUrl());
        } catch (CompletionException failed) {
            CompletableFuture.allOf(accountsService, transfersService, partnerSide, reconciliationService)
                    .exceptionally(ignored -> null).join();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    SuiteEndpoints endpoints() {
        return new SuiteEndpoints(accounts.baseUrl(), transfers.baseUrl(), simulator.baseUrl(), adapter.baseUrl(),
                bootstrapServers, topicPrefix, reconciliation.baseUrl());
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
        return issuer.baseUrl();
    }

    /** The support console's address as a browser opens it (the issuer redirects back to 127.0.0.1). */
    String consoleUrl() {
        return "http://127.0.0.1:" + console.port();
    }

    /** The issuer's state directory: the support staff's passwords in {@code persons.properties}. */
    Path issuerState() {
        return Path.of("target", "auth-issuer-" + topicPrefix.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** The partner-bank proxy's address (the adapter's door to the core). */
    String proxyUrl() {
        return proxy.baseUrl();
    }

    /** The spans the services exported (OTLP over HTTP, every half second). */
    OtlpSink traces() {
        return traces;
    }

    ServiceDatabases databases() {
        return databases;
    }

    ServiceProcess accountsService() {
        return accounts;
    }

    ServiceProcess adapter() {
        return adapter;
    }

    ServiceProcess reconciliationService() {
        return reconciliation;
    }

    private String[] kafka() {
        List<String> kafka = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--suite.topics.prefix=" + topicPrefix));
        kafka.addAll(CONSUMER_SESSION);
        return kafka.toArray(String[]::new);
    }

    /** A resource server of the suite's issuer: its {@code iss} and its keys (the audience is the service's name). */
    private String[] secured(String[] arguments) {
        return with(with(arguments, "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.baseUrl()),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.baseUrl() + "/oauth2/jwks");
    }

    /** The client registration {@code core} a service calls the core side with: its own identity at the issuer. */
    private String[] coreClient(String clientId, String[] arguments) {
        String registration = "--spring.security.oauth2.client.registration.core.";
        String[] all = with(with(with(arguments, registration + "client-id=" + clientId),
                registration + "client-secret=" + clientSecrets.getProperty(clientId)),
                registration + "authorization-grant-type=client_credentials");
        return with(all, "--spring.security.oauth2.client.provider.core.token-uri=" + issuer.baseUrl() + "/oauth2/token");
    }

    private static String[] with(String[] arguments, String more) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add(more);
        return all.toArray(String[]::new);
    }

    private CompletableFuture<ServiceProcess> startAsync(String module, TestDatabase database, String... arguments) {
        return startAsync(0, module, database, arguments);
    }

    /** Starts the module on {@code port}, or on a free one if it is 0. */
    private CompletableFuture<ServiceProcess> startAsync(int port, String module, TestDatabase database,
                                                         String... arguments) {
        return CompletableFuture.supplyAsync(() -> start(port, module, database, arguments));
    }

    private ServiceProcess start(String module, TestDatabase database, String... arguments) {
        return start(0, module, database, arguments);
    }

    private ServiceProcess start(int port, String module, TestDatabase database, String... arguments) {
        try {
            String[] all = with(with(arguments,
                    "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.tracesEndpoint()),
                    "--management.opentelemetry.tracing.export.schedule-delay=PT0.5S");
            ServiceProcess service = port == 0 ? ServiceProcess.start(module, database, all)
                    : ServiceProcess.startOn(port, module, database, all);
            synchronized (started) {
                started.add(service);
            }
            return service;
        } catch (Exception e) {
            throw new IllegalStateException(module + " did not start: " + e.getMessage(), e);
        }
    }

    /** A free port other than {@code taken}. */
    private static int freePort(int... taken) {
        try {
            while (true) {
                int port = ServiceProcess.freePort();
                if (Arrays.stream(taken).noneMatch(other -> other == port)) {
                    return port;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @Override
    public void close() {
        synchronized (started) {
            for (ServiceProcess service : started.reversed()) {
                try {
                    service.close();
                } catch (Exception | Error ignored) {
                    // stop the others all the same
                }
            }
            started.clear();
        }
        traces.close();
    }
}
