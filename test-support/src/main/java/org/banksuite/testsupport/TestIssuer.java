package org.banksuite.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 */
public final class TestIssuer {

    /** The audiences of the BFF-facing services, as the suite's issuer gives them to {@code mobile-bff}. */
    public static final List<String> CUSTOMER_AUDIENCES = List.of("accounts-service", "transfers-service");
    /** The audiences of the services with support APIs, as the suite's issuer gives them to support staff. */
    public static final List<String> SUPPORT_AUDIENCES =
            List.of("accounts-service", "transfers-service", "partner-bank-adapter", "reconciliation-service");
    /** The audiences of the proxy's and the simulator's admin APIs. */
    public static final List<String> ADMIN_AUDIENCES = List.of("partner-bank-proxy", "partner-bank-simulator");

    private static final Lazy<TestIssuer> INSTANCE = new Lazy<>(TestIssuer::start);
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuerUri;
    private final String jwkSetUri;

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
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return new TestIssuer(key, stranger, "http://127.0.0.1:" + server.getAddress().getPort());
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("the test issuer did not start", e);
        }
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
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
