package org.banksuite.proxy;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.JsonHttp.Answer;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy's token request to the issuer, with WireMock standing in for the issuer's token endpoint: the request
 * is the client-credentials grant with the proxy's credentials as Basic, the token it answers is what the core sees,
 * and while the issuer gives none the proxy sends nothing to the core, spends no quota and answers 503 to retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerTokenIT {

    private static final String BALANCE = "/core/v1/accounts/1234/1000001/balance";
    static final WireMockServer core = new WireMockServer(options().dynamicPort());
    static final WireMockServer tokens = new WireMockServer(options().dynamicPort());
    static final TestDatabase database;

    static {
        core.start();
        tokens.start();
        database = TestInfrastructure.get().newDatabase("proxy");
    }

    @DynamicPropertySource
    static void proxyProperties(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", database::jdbcUrl);
        properties.add("spring.datasource.username", database::username);
        properties.add("spring.datasource.password", database::password);
        properties.add("proxy.core.base-url", core::baseUrl);
        properties.add("proxy.core.first-backoff", () -> "PT0.01S");
        TestIssuer.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        TestIssuer.get().clientProperties("core", "partner-bank-proxy")
                .forEach((name, value) -> properties.add(name, () -> value));
        properties.add("spring.security.oauth2.client.provider.core.token-uri", () -> tokens.baseUrl() + "/oauth2/token");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CircuitBreaker coreCircuitBreaker;
    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    private JsonHttp adapter;

    @BeforeEach
    void fresh() {
        core.resetAll();
        tokens.resetAll();
        coreCircuitBreaker.reset();
        authorizedClients.removeAuthorizedClient("core", "partner-bank-proxy"); // no token kept from another test
        jdbc.sql("delete from quota_usage").update();
        adapter = new JsonHttp("http://localhost:" + port).as(TestIssuer.get().service("partner-bank-adapter"));
        core.stubFor(get(BALANCE).willReturn(okJson(ProxyIT.balance())));
    }

    @Test
    void answers503AndSendsAndSpendsNothingWhileTheIssuerGivesNoTokenThenUsesTheTokenItGives() {
        tokens.stubFor(post("/oauth2/token").willReturn(serviceUnavailable()));

        Answer refused = adapter.get(BALANCE).expect(503);

        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-unavailable");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(core.getAllServeEvents()).isEmpty();
        assertThat(jdbc.sql("select count(*) from quota_usage").query(Long.class).single()).isZero();

        String token = TestIssuer.get().service("partner-bank-proxy");
        tokens.stubFor(post("/oauth2/token").willReturn(okJson("""
                {"access_token": "%s", "token_type": "Bearer", "expires_in": 299}""".formatted(token))));
        coreCircuitBreaker.reset();

        adapter.get(BALANCE).expect(200);

        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("partner-bank-proxy:" + TestIssuer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        tokens.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withHeader("Authorization", equalTo(basic))
                .withRequestBody(containing("grant_type=client_credentials")));
        core.verify(1, getRequestedFor(urlEqualTo(BALANCE)).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void answers503WhenTheIssuerRefusesTheProxysCredentials() {
        tokens.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_client\"}")));

        adapter.get(BALANCE).expect(503);

        assertThat(core.getAllServeEvents()).isEmpty();
        assertThat(jdbc.sql("select count(*) from quota_usage").query(Long.class).single()).isZero();
    }
}
