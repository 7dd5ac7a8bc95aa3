package org.banksuite.endtoend;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the running suite's real issuer ({@code auth-issuer}), as its clients get them: the client
 * credentials grant with the client's secret from the issuer's {@code clients.properties}, a BFF's customer in
 * {@code customer_id}. Each token is reused until 30 seconds before it expires.
 */
final class SuiteTokens {

    static final String MOBILE_BFF = "mobile-bff";
    static final String SUPPORT_AGENT = "support-agent";
    static final String SUPPORT_LEAD = "support-lead";
    static final String OPERATOR = "operator";
    static final String ADAPTER = "partner-bank-adapter";
    static final String PROXY = "partner-bank-proxy";

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final String issuerUrl;
    private final Path stateDirectory;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Properties secrets;

    private record Token(String value, Instant renewAfter) {
    }

    /**
     * @param issuerUrl the issuer's base URL, also its {@code iss}
     * @param stateDirectory its {@code issuer.state-dir}, holding {@code clients.properties} once it started
     */
    SuiteTokens(String issuerUrl, Path stateDirectory) {
        this.issuerUrl = issuerUrl;
        this.stateDirectory = stateDirectory;
    }

    String issuerUrl() {
        return issuerUrl;
    }

    String tokenUri() {
        return issuerUrl + "/oauth2/token";
    }

    /** A BFF's token for one customer ({@code sub} = the customer id, role {@code customer}). */
    String customer(String customerId) {
        return token(MOBILE_BFF, customerId);
    }

    /** The token of a client acting as itself ({@code support-agent}, {@code operator}...). */
    String client(String clientId) {
        return token(clientId, null);
    }

    /** The client's secret, as the issuer created it; throws when the issuer has none for it. */
    synchronized String secret(String clientId) {
        if (secrets == null) {
            Properties read = new Properties();
            try (Reader reader = Files.newBufferedReader(stateDirectory.resolve("clients.properties"))) {
                read.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("the issuer's clients.properties in " + stateDirectory, e);
            }
            secrets = read;
        }
        String secret = secrets.getProperty(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("the issuer has no client " + clientId);
        }
        return secret;
    }

    private String token(String clientId, String customerId) {
        String key = clientId + (customerId == null ? "" : "/" + customerId);
        Token cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        Token fresh = fetch(clientId, customerId);
        tokens.put(key, fresh);
        return fresh.value();
    }

    private Token fetch(String clientId, String customerId) {
        String form = "grant_type=client_credentials"
                + (customerId == null ? "" : "&customer_id=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret(clientId), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri()))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the issuer refused a token for " + clientId + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            Instant expires = Instant.now().plusSeconds(body.get("expires_in").asLong());
            return new Token(body.get("access_token").asString(), expires.minus(MARGIN));
        } catch (IOException e) {
            throw new UncheckedIOException("the issuer at " + issuerUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
