package org.banksuite.launcher.demo;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the suite's issuer for the identities the demo acts as (service-security's README): a customer through
 * the BFF client {@code mobile-bff} (its {@code customer_id} becomes the token's subject), {@code support-agent},
 * {@code operator}, ... Each identity's token is fetched once (client credentials, {@code client_secret_basic}) and
 * reused until {@link #RENEWAL_MARGIN} before it expires, so a long wait never sends an expired token.
 * {@link #none()} sends no token at all, for a suite whose services do not check them.
 */
public final class AccessTokens {

    public static final String BFF = "mobile-bff";
    public static final String SUPPORT_AGENT = "support-agent";
    public static final String SUPPORT_LEAD = "support-lead";
    public static final String OPERATOR = "operator";
    /** A token is renewed this long before its expiry (the services allow 30 s of clock skew, this covers a slow call). */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI tokenEndpoint;
    private final Map<String, String> secrets;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    private AccessTokens(URI tokenEndpoint, Map<String, String> secrets, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
    }

    /** No tokens: every supplier gives null and no {@code Authorization} header is sent. */
    public static AccessTokens none() {
        return new AccessTokens(null, Map.of(), Clock.systemUTC());
    }

    /**
     * Tokens from the issuer at {@code issuerUrl} (its token endpoint {@code /oauth2/token}).
     *
     * @param secrets each client id's secret
     */
    public static AccessTokens fromIssuer(String issuerUrl, Map<String, String> secrets) {
        return new AccessTokens(URI.create(issuerUrl.replaceAll("/+$", "") + "/oauth2/token"), secrets,
                Clock.systemUTC());
    }

    /**
     * Tokens from the issuer at {@code issuerUrl}, with the secrets it wrote to its {@code clients.properties}
     * ({@code .suite/auth/clients.properties} in the local stack).
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AccessTokens fromClientsFile(String issuerUrl, Path clientsFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(clientsFile)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer's client secrets in " + clientsFile, e);
        }
        return fromIssuer(issuerUrl, properties.stringPropertyNames().stream()
                .collect(Collectors.toMap(clientId -> clientId, clientId -> properties.getProperty(clientId).trim())));
    }

    /** The token of a BFF acting for {@code customerId} (subject {@code customerId}, role {@code customer}). */
    public Supplier<String> customer(String customerId) {
        return () -> token(BFF, customerId);
    }

    /** The token of the client {@code clientId} itself ({@code support-agent}, {@code operator}, ...). */
    public Supplier<String> client(String clientId) {
        return () -> token(clientId, null);
    }

    /** Adds {@code Authorization: Bearer <token>} to each request, when {@code token} gives one. */
    public static ClientHttpRequestInterceptor bearer(Supplier<String> token) {
        return (request, body, execution) -> {
            String value = token.get();
            if (value != null) {
                request.getHeaders().setBearerAuth(value);
            }
            return execution.execute(request, body);
        };
    }

    /**
     * A valid token for the identity, fetched when there is none or it is about to expire; null for {@link #none()}.
     *
     * @throws IllegalStateException when the issuer refuses or cannot be reached, or the client has no secret
     */
    String token(String clientId, String customerId) {
        if (tokenEndpoint == null) {
            return null;
        }
        String identity = customerId == null ? clientId : clientId + "/" + customerId;
        return tokens.compute(identity, (key, cached) ->
                cached != null && clock.instant().isBefore(cached.renewAt()) ? cached : fetch(clientId, customerId))
                .value();
    }

    private Token fetch(String clientId, String customerId) {
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new IllegalStateException("no secret for the client " + clientId + " among " + secrets.keySet());
        }
        String form = "grant_type=client_credentials"
                + (customerId == null ? "" : "&customer_id=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8));
        String credentials = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Instant askedAt = clock.instant();
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the issuer refused a token for " + clientId
                    + (customerId == null ? "" : " acting for " + customerId) + ": " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(0));
        Duration margin = lifetime.compareTo(RENEWAL_MARGIN.multipliedBy(2)) >= 0 ? RENEWAL_MARGIN : lifetime.dividedBy(2);
        return new Token(answer.path("access_token").asString(), askedAt.plus(lifetime).minus(margin));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the issuer at " + tokenEndpoint + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
    }

    @Override
    public String toString() {
        return tokenEndpoint == null ? "no tokens" : "tokens from " + tokenEndpoint;
    }
}
