package org.banksuite.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.banksuite.infra.KafkaCredentials;
import org.banksuite.launcher.demo.AccessTokens;
import org.banksuite.launcher.demo.DemoReport;
import org.banksuite.launcher.demo.DemoScenario;
import org.banksuite.launcher.demo.Narrator;
import org.banksuite.launcher.demo.SuiteEndpoints;
import org.banksuite.launcher.kafka.KafkaAccess;

/**
 * {@code ./suite demo}: plays the demo scenario against the suite {@code ./suite up} runs, on the ports of the same
 * {@code SUITE_*_PORT} variables, with tokens from its issuer (the secrets in {@code .suite/auth/clients.properties}). Exits 0 only if every step ended as expected and the balances equal the core's.
 */
public final class Demo {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Demo() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        Narrator narrator = new Narrator(System.out);
        List<String> notReady = Services.ALL.stream().filter(service -> !ready(service.port(environment)))
                .map(service -> service.name() + " (port " + service.port(environment) + ")").toList();
        if (!notReady.isEmpty()) {
            narrator.line("The suite is not ready: no answer from " + String.join(", ", notReady) + ".");
            narrator.line("Start it with ./suite up (in another terminal) and run the demo once it prints its table.");
            System.exit(1);
        }
        SuiteEndpoints endpoints = endpoints(environment);
        SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize());
        Path clientsFile = layout.authState().resolve(IssuerWiring.CLIENTS_FILE);
        if (!Files.isRegularFile(clientsFile)) {
            narrator.line("No client secrets in " + layout.show(clientsFile) + ": the issuer writes them on its first"
                    + " start. Start the suite with ./suite up.");
            System.exit(1);
        }
        AccessTokens tokens = AccessTokens.fromClientsFile(issuerUrl(environment), clientsFile);
        narrator.line("Playing the demo against " + endpoints.describe() + ", with " + tokens + ".");
        long startedAt = System.nanoTime();
        DemoReport report = new DemoScenario(endpoints, tokens, narrator).play();
        narrator.line("");
        narrator.line(verdict(report) + String.format(" (%.1f s)", (System.nanoTime() - startedAt) / 1e9));
        System.exit(report.succeeded() ? 0 : 1);
    }

    static SuiteEndpoints endpoints(Map<String, String> environment) {
        return new SuiteEndpoints(url("accounts-service", environment), url("transfers-service", environment),
                url("partner-bank-simulator", environment), url("partner-bank-adapter", environment),
                "127.0.0.1:" + SuiteEnvironment.from(environment).kafkaPort(), "",
                url("reconciliation-service", environment), observerCredentials());
    }

    /** The topics are read as the read-only observer, with the settings {@code ./suite up} generated for it. */
    private static Map<String, String> observerCredentials() {
        SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize());
        Path file = KafkaCredentials.fileOf(layout.kafkaCredentials(), KafkaAccess.OBSERVER);
        if (!Files.isRegularFile(file)) {
            return Map.of(); // no local stack ever ran here: a plaintext broker, or the census will say it cannot read
        }
        return KafkaCredentials.loadOrCreate(layout.kafkaCredentials(), KafkaAccess.OBSERVER).clientProperties();
    }

    static String issuerUrl(Map<String, String> environment) {
        return url(Services.ISSUER.module(), environment);
    }

    private static String url(String module, Map<String, String> environment) {
        return Services.ALL.stream().filter(service -> service.module().equals(module)).findFirst()
                .map(service -> "http://127.0.0.1:" + service.port(environment))
                .orElseThrow(() -> new IllegalStateException(module + " is not one of the suite's services"));
    }

    private static String verdict(DemoReport report) {
        if (report.succeeded()) {
            return "The demo succeeded: every step ended as expected, the suite's balances equal the core's and the "
                    + "reconciliation job reports no open mismatch.";
        }
        return "The demo FAILED: " + (report.everyStepAsExpected() ? "" : "a step did not end as expected; ")
                + (report.balancesEqual() ? "" : "the suite's balances differ from the core's (or none were read); ")
                + (report.reconciliation().clean() ? "" : "reconciliation found open mismatches or unreconciled accounts; ")
                + "see the service logs in .suite/logs/.";
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
