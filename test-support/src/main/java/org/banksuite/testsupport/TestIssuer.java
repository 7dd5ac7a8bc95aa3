package org.banksuite.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The tests' token issuer: a real RSA key, its public JWK set served over HTTP (so services check tokens exactly as
 * they check the suite's issuer's: {@code jwk-set-uri}, {@code iss}, {@code aud}, RS256), and access tokens minted
 * with the claims the suite's issuer gives each identity (see auth-issuer's README). One per test JVM, started on
 * first use; every {@link RealInfrastructure} context is pointed at it ({@link #springProperties()}).
 *
 * <p>Besides good tokens it mints the broken ones a door must refuse: expired, from another issuer, for another
 * audience, unsigned ({@code alg: none}), with a tampered signature, without a subject.
 *
 * <p>It also has a token endpoint ({@link #tokenUri()}) for the client-credentials grant with
 * {@code client_secret_basic}, as the suite's issuer has: a service under test that calls another with its own
 * identity ({@code spring.security.oauth2.client.registration...}, see {@link #clientProperties}) gets its token
 * here. Every client of the suite's issuer is known, each with the secret {@link #CLIENT_SECRET}.
 */
public final class TestIssuer {

    /** The audiences of the BFF-facing services, as the suite's issuer gives them to {@code mobile-bff}. */
    public static final List<String> CUSTOMER_AUDIENCES = List.of("accounts-service", "transfers-service");
    /** The audiences of the services with support APIs, as the suite's issuer gives them to support staff. */
    public static final List<String> SUPPORT_AUDIENCES =
            List.of("accounts-service", "transfers-service", "partner-bank-adapter", "reconciliation-service");
    /** The audiences of the proxy's and the simulator's admin APIs. */
    public static final List<String> ADMIN_AUDIENCES = List.of("partner-bank-proxy", "partner-bank-simulator");

    /** The secret of every client at the token endpoint (tests only). */
    public static final String CLIENT_SECRET = "test-client-secret";

    private static final Lazy<TestIssuer> INSTANCE = new Lazy<>(TestIssuer::start);
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuerUri;
    private final String jwkSetUri;
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private TestIssuer(RSAKey key, RSAKey strangerKey, String issuerUri) {
        this.key = key;
        this.strangerKey = strangerKey;
        this.issuerUri = issuerUri;
        this.jwkSetUri = issuerUri + "/oauth2/jwks";
    }

    /** The JVM's issuer, started on first use. */
    public static TestIssuer get() {
        return INSTANCE.get();
    }

    private static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> answer(exchange, jwks));
            TestIssuer issuer = new TestIssuer(key, stranger, "http://127.0.0.1:" + server.getAddress().getPort());
            server.createContext("/oauth2/token", issuer::token);
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return issuer;
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("the test issuer did not start", e);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        answer(exchange, 200, body);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** The token endpoint: {@code POST} form {@code grant_type=client_credentials}, client id and secret as Basic. */
    public String tokenUri() {
        return issuerUri + "/oauth2/token";
    }

    /** How many token requests the endpoint has answered with a token since this JVM started. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * The properties that make {@code clientId} a client of this issuer under Spring Security's registration
     * {@code registration} (client credentials, {@code client_secret_basic}, {@link #tokenUri()}).
     */
    public Map<String, Object> clientProperties(String registration, String clientId) {
        String prefix = "spring.security.oauth2.client.registration." + registration + ".";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(prefix + "client-id", clientId);
        properties.put(prefix + "client-secret", CLIENT_SECRET);
        properties.put(prefix + "authorization-grant-type", "client_credentials");
        properties.put(prefix + "client-authentication-method", "client_secret_basic");
        properties.put("spring.security.oauth2.client.provider." + registration + ".token-uri", tokenUri());
        return properties;
    }

    /** The properties that point a service at this issuer (its audience stays the service's own default). */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri);
        return properties;
    }

    /** The same, as {@code --name=value} arguments for a service started as its own JVM ({@link ServiceProcess}). */
    public String[] springArguments() {
        return springProperties().entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    /** The same, as {@code --name=value} arguments for a service started as its own JVM ({@link ServiceProcess}). */
    public String[] clientArguments(String registration, String clientId) {
        return clientProperties(registration, clientId).entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }

    /** A BFF's token acting for {@code customerId}: role {@code customer}, audiences accounts and transfers. */
    public String customer(String customerId) {
        return token(customerId, List.of("customer"), CUSTOMER_AUDIENCES);
    }

    /** A support agent's token ({@code support-agent}, role {@code support}). */
    public String support() {
        return token("support-agent", List.of("support"), SUPPORT_AUDIENCES);
    }

    /** A named support agent's token (role {@code support}): the subject is what the audit shows. */
    public String support(String subject) {
        return token(subject, List.of("support"), SUPPORT_AUDIENCES);
    }

    /** A support lead's token ({@code support-lead}, roles {@code support} and {@code support-lead}). */
    public String supportLead() {
        return token("support-lead", List.of("support", "support-lead"), SUPPORT_AUDIENCES);
    }

    /** An operator's token ({@code operator}, role {@code admin}, audiences proxy and simulator). */
    public String admin() {
        return token("operator", List.of("admin"), ADMIN_AUDIENCES);
    }

    /**
     * A service's own token, as the suite's issuer gives it: {@code partner-bank-adapter} for the proxy,
     * {@code partner-bank-proxy} for the simulator.
     */
    public String service(String clientId) {
        String audience = switch (clientId) {
            case "partner-bank-adapter" -> "partner-bank-proxy";
            case "partner-bank-proxy" -> "partner-bank-simulator";
            default -> throw new IllegalArgumentException("no service client " + clientId + " in the suite's issuer");
        };
        return token(clientId, List.of("service"), List.of(audience));
    }

    /** A valid token with the given subject, roles and audiences, for five minutes. */
    public String token(String subject, List<String> roles, List<String> audiences) {
        return sign(key, claims(subject, roles, audiences, issuerUri, Instant.now()).build());
    }

    /** Expired ten minutes ago (well beyond any clock skew). */
    public String expired(String subject, List<String> roles, List<String> audiences) {
        return sign(key, claims(subject, roles, audiences, issuerUri, Instant.now().minus(Duration.ofMinutes(15))).build());
    }

    /** Signed by this issuer's key but naming another issuer. */
    public String fromOtherIssuer(String subject, List<String> roles, List<String> audiences) {
        return sign(key, claims(subject, roles, audiences, "https://issuer.example.org", Instant.now()).build());
    }

    /** Signed with another key that claims this issuer's key id: a forgery. */
    public String signedByStranger(String subject, List<String> roles, List<String> audiences) {
        return sign(strangerKey, claims(subject, roles, audiences, issuerUri, Instant.now()).build());
    }

    /** The claims of a valid token, unsigned ({@code alg: none}). */
    public String unsigned(String subject, List<String> roles, List<String> audiences) {
        return new PlainJWT(claims(subject, roles, audiences, issuerUri, Instant.now()).build()).serialize();
    }

    /** A valid token whose payload was changed after signing (here: roles raised to support-lead and admin). */
    public String tampered(String subject, List<String> roles, List<String> audiences) {
        String[] parts = token(subject, roles, audiences).split("\\.");
        String payload = claims(subject, List.of("customer", "support", "support-lead", "admin"), audiences, issuerUri,
                Instant.now()).build().toString();
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A signed token without the {@code sub} claim. */
    public String withoutSubject(List<String> roles, List<String> audiences) {
        return sign(key, claims(null, roles, audiences, issuerUri, Instant.now()).build());
    }

    /** A signed token without the {@code exp} claim. */
    public String withoutExpiry(String subject, List<String> roles, List<String> audiences) {
        return sign(key, claims(subject, roles, audiences, issuerUri, Instant.now()).expirationTime(null).build());
    }

    /** The token endpoint: the suite issuer's clients, each with the token {@link #tokenFor} gives it. */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String clientId = basicClient(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"POST".equals(exchange.getRequestMethod()) || clientId == null) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String token = tokenFor(clientId, form.get("customer_id"));
            if (token == null) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            tokenRequests.incrementAndGet();
            answer(exchange, 200, ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                    + (LIFETIME.toSeconds() - 1) + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The token the suite's issuer gives each of its clients (see service-security's README); null for a stranger. */
    private String tokenFor(String clientId, String customerId) {
        return switch (clientId) {
            case "partner-bank-adapter", "partner-bank-proxy" -> service(clientId);
            case "support-agent" -> support();
            case "support-lead" -> supportLead();
            case "operator" -> admin();
            case "mobile-bff" -> customerId == null || customerId.isEmpty() ? null : customer(customerId);
            default -> null;
        };
    }

    /** The client id of a Basic header with the right secret, else null. */
    private static String basicClient(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return CLIENT_SECRET.equals(secret) ? clientId : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** Adds {@code Authorization: Bearer <token>} to every request of a {@code RestClient}. */
    public static ClientHttpRequestInterceptor bearer(String token) {
        return (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return execution.execute(request, body);
        };
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> audiences,
                                               String issuer, Instant issuedAt) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audiences)
                .claim("roles", roles).issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(LIFETIME))).jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }
}
