package org.banksuite.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The token endpoint over real HTTP: each identity's token and claims, and the refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "issuer.state-dir=target/issuer-state/token-endpoint-it",
        // not the host the test calls: iss must be the configured issuer, never derived from the request
        "issuer.uri=http://issuer.banksuite.test:8086"})
class TokenEndpointIT {

    private static final String ISSUER = "http://issuer.banksuite.test:8086";
    private static final List<String> SUPPORTED = List.of(
            "accounts-service", "transfers-service", "partner-bank-adapter", "reconciliation-service");

    @LocalServerPort
    int port;

    private IssuerClient issuer;
    private Map<String, String> secrets;

    @BeforeEach
    void connect() {
        issuer = new IssuerClient(port);
        secrets = IssuerClient.secrets(Path.of("target/issuer-state/token-endpoint-it"));
    }

    static Stream<Arguments> serviceIdentities() {
        return Stream.of(
                Arguments.of("support-agent", List.of("support"), SUPPORTED),
                Arguments.of("support-lead", List.of("support", "support-lead"), SUPPORTED),
                Arguments.of("operator", List.of("admin"), List.of("partner-bank-proxy", "partner-bank-simulator")),
                Arguments.of("partner-bank-adapter", List.of("service"), List.of("partner-bank-proxy")),
                Arguments.of("partner-bank-proxy", List.of("service"), List.of("partner-bank-simulator")));
    }

    @ParameterizedTest
    @MethodSource("serviceIdentities")
    void issuesEachIdentityATokenWithItsSubjectRolesAndAudiences(String clientId, List<String> roles,
                                                                 List<String> audiences) throws Exception {
        JWTClaimsSet claims = signedToken(clientId, Map.of()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getStringListClaim("roles")).containsExactlyElementsOf(roles);
        assertThat(claims.getAudience()).containsExactlyInAnyOrderElementsOf(audiences);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    }

    @Test
    void issuesTheBffATokenWhoseSubjectIsTheCustomerItNames() throws Exception {
        JWTClaimsSet claims = signedToken("mobile-bff", Map.of("customer_id", "alice")).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
        assertThat(claims.getAudience()).containsExactlyInAnyOrder("accounts-service", "transfers-service");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("mobile-bff");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    }

    @Test
    void signsWithRs256UnderAKeyIdTheJwksPublishes() {
        SignedJWT token = signedToken("operator", Map.of());

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(issuer.jwks().getKeys()).extracting(key -> key.getKeyID()).contains(token.getHeader().getKeyID());
        assertThat(issuer.jwks().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void issuesTokensThatExpireAfterFiveMinutes() throws Exception {
        HttpResponse<String> response = issuer.requestToken("support-agent", secrets.get("support-agent"), Map.of());
        JWTClaimsSet claims = issuer.verifiedAccessToken(response).getJWTClaimsSet();

        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(30, ChronoUnit.SECONDS));
        assertThat(IssuerClient.json(response).path("expires_in").asLong()).isBetween(298L, 300L);
        assertThat(IssuerClient.json(response).path("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void refusesAWrongSecretWithInvalidClient() {
        HttpResponse<String> response = issuer.requestToken("support-lead", secrets.get("support-agent"), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void refusesAnUnknownClientWithInvalidClient() {
        HttpResponse<String> response = issuer.requestToken("mallory", secrets.get("operator"), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void refusesACustomerTokenWithoutCustomerId() {
        HttpResponse<String> response = issuer.requestToken("mobile-bff", secrets.get("mobile-bff"), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_request");
        assertThat(IssuerClient.json(response).path("error_description").asString()).contains("customer_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice smith", "alice\u0000", "alice\n",
            "a123456789b123456789c123456789d123456789e123456789f123456789g1234"})
    void refusesACustomerIdThatIsNotAnIdentifier(String customerId) {
        HttpResponse<String> response = issuer.requestToken("mobile-bff", secrets.get("mobile-bff"),
                Map.of("customer_id", customerId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void refusesACustomerIdGivenTwice() {
        HttpResponse<String> response = issuer.post("/oauth2/token", "mobile-bff", secrets.get("mobile-bff"),
                "grant_type=client_credentials&customer_id=alice&customer_id=bob");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void acceptsACustomerIdOfSixtyFourCodePoints() throws Exception {
        String longest = "\uD83D\uDE00".repeat(64);

        assertThat(signedToken("mobile-bff", Map.of("customer_id", longest)).getJWTClaimsSet().getSubject())
                .isEqualTo(longest);
    }

    @Test
    void ignoresCustomerIdFromAClientThatDoesNotActForCustomers() throws Exception {
        JWTClaimsSet claims = signedToken("support-agent", Map.of("customer_id", "alice")).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("support-agent");
    }

    @Test
    void publishesDiscoveryDocumentsNamingTheConfiguredIssuer() {
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            HttpResponse<String> discovery = issuer.get(path);

            assertThat(discovery.statusCode()).as(path).isEqualTo(200);
            assertThat(IssuerClient.json(discovery).path("issuer").asString()).as(path).isEqualTo(ISSUER);
            assertThat(IssuerClient.json(discovery).path("jwks_uri").asString()).as(path)
                    .isEqualTo(ISSUER + "/oauth2/jwks");
            assertThat(IssuerClient.json(discovery).path("token_endpoint").asString()).as(path)
                    .isEqualTo(ISSUER + "/oauth2/token");
        }
    }

    @Test
    void leavesOnlyHealthDiscoveryTheJwksAndTheLoginPageOpen() {
        assertThat(issuer.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(issuer.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(issuer.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(issuer.get("/oauth2/jwks").statusCode()).isEqualTo(200);
        // the login page is open since support staff sign in there (PersonSignInIT)
        assertThat(issuer.get("/login").statusCode()).isEqualTo(200);
        for (String closed : List.of("/oauth2/token", "/actuator/env", "/actuator", "/userinfo",
                "/oauth2/authorize?response_type=code&client_id=support-console&code_challenge_method=S256"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "/", "/anything")) {
            assertThat(issuer.get(closed).statusCode()).as(closed).isEqualTo(401);
        }
        // a client-credentials client has no business at the authorization endpoint
        assertThat(issuer.get("/oauth2/authorize?response_type=code&client_id=mobile-bff").statusCode())
                .isEqualTo(400);
    }

    private SignedJWT signedToken(String clientId, Map<String, String> parameters) {
        return issuer.verifiedAccessToken(issuer.requestToken(clientId, secrets.get(clientId), parameters));
    }
}
