package org.banksuite.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running simulator on a real PostgreSQL, called over HTTP as the proxy would call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class SimulatorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    SimulatorHttp http;

    @BeforeEach
    void connect() {
        http = new SimulatorHttp("http://localhost:" + port);
    }

    /** Opens a DKK account and answers its account number. */
    String openAccount() {
        return http.post("/core/v1/accounts", null, """
                {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(UUID.randomUUID()))
                .json().get("accountNumber").asString();
    }

    void credit(String accountNumber, String amount) {
        http.post("/admin/v1/incoming-payments", null, """
                {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "%s", "currency": "DKK"},
                 "text": "salary"}""".formatted(accountNumber, amount)).expect(201);
    }

    String balance(String accountNumber) {
        return http.get("/admin/v1/accounts/1234/" + accountNumber).expect(200).json().get("balance").get("amount").asString();
    }

    static String payment(String debtor, String creditorRegistration, String creditor, String amount) {
        return """
                {"debtor": {"registrationNumber": "1234", "accountNumber": "%s"},
                 "creditor": {"registrationNumber": "%s", "accountNumber": "%s"},
                 "amount": {"amount": "%s", "currency": "DKK"}, "text": "rent"}"""
                .formatted(debtor, creditorRegistration, creditor, amount);
    }

    /** A java.net.http client; every call is a fresh request with a short timeout. */
    record SimulatorHttp(String base, HttpClient client) {

        SimulatorHttp(String base) {
            this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Answer post(String path, String idempotencyKey, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return send(request);
        }

        Answer put(String path, String body) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
        }

        Answer delete(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
        }

        HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                return new Answer(sendRaw(request));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        Answer expect(int status) {
            if (response.statusCode() != status) {
                throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
            }
            return this;
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
