package org.banksuite.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Support staff signing in to the support console through the issuer's own endpoints over real HTTP, as a browser
 * and the console do: the authorization request, the login page, the code, the token request with PKCE, a refresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "issuer.state-dir=target/issuer-state/person-sign-in-it",
        "issuer.uri=http://issuer.banksuite.test:8086",
        "issuer.console.redirect-uri=" + PersonSignInIT.REDIRECT_URI,
        "issuer.console.post-logout-redirect-uri=http://127.0.0.1:8087/"})
class PersonSignInIT {

    static final String REDIRECT_URI = "http://console.banksuite.test:8087/login/oauth2/code/suite";
    private static final Path STATE = Path.of("target/issuer-state/person-sign-in-it");
    private static final List<String> SUPPORTED = List.of(
            "accounts-service", "transfers-service", "partner-bank-adapter", "reconciliation-service");

    @LocalServerPort
    int port;

    private BrowserSession browser;
    private IssuerClient issuer;
    private String verifier;

    @BeforeEach
    void openBrowser() {
        browser = new BrowserSession(port);
        issuer = new IssuerClient(port);
        verifier = BrowserSession.codeVerifier();
    }

    @Test
    void signsInTheSupportLeadAndIssuesTokensForHerWithHerRoles() throws Exception {
        String code = signInAndGetCode("support.lead", password("support.lead")).orElseThrow();

        HttpResponse<String> tokens = redeem(code, verifier);

        JWTClaimsSet access = issuer.verifiedAccessToken(tokens).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("support.lead");
        assertThat(access.getStringListClaim("roles")).containsExactly("support", "support-lead");
        assertThat(access.getAudience()).containsExactlyInAnyOrderElementsOf(SUPPORTED);
        assertThat(access.getIssuer()).isEqualTo("http://issuer.banksuite.test:8086");
        assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        JWTClaimsSet id = SignedJWT.parse(IssuerClient.json(tokens).path("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo("support.lead");
        assertThat(id.getAudience()).containsExactly("support-console");
        assertThat(id.getStringListClaim("roles")).containsExactly("support", "support-lead");
    }

    @Test
    void refreshesThePersonsAccessToken() throws Exception {
        String code = signInAndGetCode("support.agent", password("support.agent")).orElseThrow();
        String refreshToken = IssuerClient.json(redeem(code, verifier)).path("refresh_token").asString();
        assertThat(refreshToken).isNotBlank();

        HttpResponse<String> refreshed = consoleTokenRequest(Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken));

        JWTClaimsSet access = issuer.verifiedAccessToken(refreshed).getJWTClaimsSet();
        assertThat(access.getSubject()).isEqualTo("support.agent");
        assertThat(access.getStringListClaim("roles")).containsExactly("support");
        assertThat(access.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(5, ChronoUnit.MINUTES), within(30, ChronoUnit.SECONDS));
    }

    @Test
    void signsThePersonOutAndSendsThemBackToTheConsoleOnItsLoopbackPort() {
        String code = signInAndGetCode("support.lead", password("support.lead")).orElseThrow();
        String idToken = IssuerClient.json(redeem(code, verifier)).path("id_token").asString();

        HttpResponse<String> foreign = browser.get(signOut(idToken, "http://evil.example/"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        HttpResponse<String> signedOut = browser.get(signOut(idToken, "http://127.0.0.1:41234/"));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).contains("http://127.0.0.1:41234/");
        HttpResponse<String> again = browser.get(authorizationRequest(REDIRECT_URI, true));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(signInAndGetCode("support.lead", "not-" + password("support.lead"))).isEmpty();
    }

    @Test
    void refusesAClientIdentityOrACustomerSigningInAsAPerson() {
        Map<String, String> clientSecrets = IssuerClient.secrets(STATE);
        assertThat(signInAndGetCode("support-lead", clientSecrets.get("support-lead"))).isEmpty();
        assertThat(signInAndGetCode("support-console", clientSecrets.get("support-console"))).isEmpty();
        assertThat(signInAndGetCode("alice", "alice")).isEmpty();
    }

    @Test
    void refusesACodeRedeemedWithoutItsPkceVerifier() {
        String code = signInAndGetCode("support.agent", password("support.agent")).orElseThrow();

        HttpResponse<String> tokens = redeem(code, BrowserSession.codeVerifier());

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(IssuerClient.json(tokens).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refusesAnAuthorizationRequestWithoutPkceOrForAnotherRedirectUri() {
        HttpResponse<String> withoutPkce = browser.get(authorizationRequest(REDIRECT_URI, false));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT_URI).contains("error=invalid_request").doesNotContain("code=");

        HttpResponse<String> elsewhere = browser.get(authorizationRequest("http://evil.example/callback", true));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesTheAuthorizationEndpointToClientCredentialsClients() {
        HttpResponse<String> response = browser.get("/oauth2/authorize?response_type=code&client_id=mobile-bff"
                + "&scope=openid&redirect_uri=" + BrowserSession.encode("http://evil.example/callback"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    /** The whole browser side: authorize, sent to the login page, sign in, back to authorize, redirected with a code. */
    private Optional<String> signInAndGetCode(String username, String password) {
        HttpResponse<String> authorize = browser.get(authorizationRequest(REDIRECT_URI, true));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> login = browser.signIn(username, password);
        assertThat(login.statusCode()).isEqualTo(302);
        String afterLogin = login.headers().firstValue("Location").orElseThrow();
        if (afterLogin.endsWith("/login?error")) {
            return Optional.empty();
        }
        HttpResponse<String> back = browser.get(afterLogin);
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(REDIRECT_URI);
        Map<String, List<String>> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams();
        assertThat(query.get("state")).containsExactly("state-1");
        return Optional.of(query.get("code").getFirst());
    }

    private static String signOut(String idToken, String postLogoutRedirectUri) {
        return "/connect/logout?client_id=support-console&id_token_hint=" + BrowserSession.encode(idToken)
                + "&post_logout_redirect_uri=" + BrowserSession.encode(postLogoutRedirectUri);
    }

    private String authorizationRequest(String redirectUri, boolean pkce) {
        return "/oauth2/authorize?response_type=code&client_id=support-console&scope=openid&state=state-1"
                + "&redirect_uri=" + BrowserSession.encode(redirectUri)
                + (pkce ? "&code_challenge_method=S256&code_challenge=" + BrowserSession.codeChallenge(verifier) : "");
    }

    private HttpResponse<String> redeem(String code, String codeVerifier) {
        return consoleTokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", codeVerifier));
    }

    private HttpResponse<String> consoleTokenRequest(Map<String, String> form) {
        return issuer.post("/oauth2/token", "support-console", IssuerClient.secrets(STATE).get("support-console"),
                BrowserSession.form(new LinkedHashMap<>(form)));
    }

    /** A person's password as they read it: {@code persons.properties} in the state directory. */
    private static String password(String username) {
        Properties passwords = new Properties();
        try (Reader file = Files.newBufferedReader(STATE.resolve("persons.properties"))) {
            passwords.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords.getProperty(username);
    }
}
