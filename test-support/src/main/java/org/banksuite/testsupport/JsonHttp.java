package org.banksuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to a service as its users do: JSON in, status, headers and JSON out.
 * Every call is a fresh request with a 20 s timeout, carrying {@code Authorization: Bearer <bearer>} when a bearer
 * token is set ({@link #as(String)}).
 */
public record JsonHttp(String base, HttpClient client, String bearer) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonHttp(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public JsonHttp(String base, HttpClient client) {
        this(base, client, null);
    }

    /** The same client, calling with this bearer token (null: without one). */
    public JsonHttp as(String token) {
        return new JsonHttp(base, client, token);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST with a JSON body, and an {@code Idempotency-Key} unless it is null. */
    public Answer post(String path, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public HttpResponse<String> sendRaw(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (bearer != null) {
            request.setHeader("Authorization", "Bearer " + bearer);
        }
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

    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public Answer expect(int status) {
            if (response.statusCode() != status) {
                throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
                        + response.body());
            }
            return this;
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
