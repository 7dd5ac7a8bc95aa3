package org.banksuite.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The proxy on a real PostgreSQL with WireMock as the core, called over HTTP as the adapter calls it (with the
 * adapter's service token; {@link #admin} with an operator's). The proxy gets its own token for the core from the
 * {@link TestIssuer}'s token endpoint. The core answers slower than a second count as timeouts here, and retries back
 * off for 10 ms, so faults show quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProxyIT {

    static final WireMockServer core = new WireMockServer(options().dynamicPort());
    static final TestDatabase database;

    static {
        core.start();
        database = TestInfrastructure.get().newDatabase("proxy");
    }

    @DynamicPropertySource
    static void proxyProperties(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", database::jdbcUrl);
        properties.add("spring.datasource.username", database::username);
        properties.add("spring.datasource.password", database::password);
        properties.add("proxy.core.base-url", core::baseUrl);
        properties.add("proxy.core.read-timeout", () -> "PT1S");
        properties.add("proxy.core.first-backoff", () -> "PT0.01S");
        TestIssuer.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        TestIssuer.get().clientProperties("core", "partner-bank-proxy")
                .forEach((name, value) -> properties.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CircuitBreaker coreCircuitBreaker;

    final TestIssuer issuer = TestIssuer.get();

    /** The adapter, calling /core/v1. */
    JsonHttp proxy;
    /** An operator, calling /admin/v1. */
    JsonHttp admin;
    /** Without a token. */
    JsonHttp anonymous;

    /** Every test starts with an idle core, a closed breaker and a generous quota with nothing used. */
    @BeforeEach
    void freshProxy() {
        core.resetAll();
        coreCircuitBreaker.reset();
        jdbc.sql("delete from quota_usage").update();
        jdbc.sql("update quota_limits set per_minute = 100000, per_hour = null, interactive_reserve = 0.2, "
                + "core_paused_until = null").update();
        anonymous = new JsonHttp("http://localhost:" + port);
        proxy = anonymous.as(issuer.service("partner-bank-adapter"));
        admin = anonymous.as(issuer.admin());
    }

    static String payment() {
        return """
                {"debtor": {"registrationNumber": "1234", "accountNumber": "1000001"},
                 "creditor": {"registrationNumber": "5678", "accountNumber": "9000001"},
                 "amount": {"amount": "125.50", "currency": "DKK"}, "text": "rent"}""";
    }

    static String acceptedPayment(String key) {
        return """
                {"paymentId": "0b9f8d3e-1c4a-4d8e-9a51-3f1f6c2d7e10", "idempotencyKey": "%s", "status": "ACCEPTED",
                 "direction": "OUTGOING",
                 "debtor": {"registrationNumber": "1234", "accountNumber": "1000001"},
                 "creditor": {"registrationNumber": "5678", "accountNumber": "9000001"},
                 "amount": {"amount": "125.50", "currency": "DKK"}, "text": "rent"}""".formatted(key);
    }

    static String balance() {
        return """
                {"registrationNumber": "1234", "accountNumber": "1000001", "status": "OPEN",
                 "balance": {"amount": "10.00", "currency": "DKK"}}""";
    }
}
