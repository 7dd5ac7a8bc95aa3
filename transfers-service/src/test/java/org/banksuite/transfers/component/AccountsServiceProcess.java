package org.banksuite.transfers.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.banksuite.testsupport.TestDatabase;

/**
 * accounts-service as users run it: its own JVM, from the jar its module built, on the test's PostgreSQL and
 * broker. Keeps the two services' classpaths and configuration apart, as in production.
 */
final class AccountsServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "accounts-service", "target", "accounts-service.jar");

    private final Process process;
    private final int port;

    private AccountsServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AccountsServiceProcess start(TestDatabase database, String kafka, String topicPrefix) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build accounts-service first "
                    + "(./mvnw verify at the root builds it before transfers-service)");
        }
        int port = freePort();
        Path log = Path.of("target", "accounts-service-it.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--suite.topics.prefix=" + topicPrefix,
                "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        AccountsServiceProcess accounts = new AccountsServiceProcess(process, port);
        accounts.awaitReady(log);
        return accounts;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("accounts-service exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("accounts-service was not ready within 120 s; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
