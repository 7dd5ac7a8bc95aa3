package org.banksuite.simulator;

import java.util.UUID;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.banksuite.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running simulator on a real PostgreSQL, called over HTTP as the proxy would call it ({@link #http}, with the
 * proxy's service token) and as an operator would ({@link #admin}, with an admin token).
 * <p>
 * Every test class shares one simulator and one database (the simulator has no Kafka, so none is started), and every
 * test starts as a freshly started simulator would: the configured quota, counting afresh, and no faults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SimulatorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final TestDatabase database = TestInfrastructure.get().newDatabase("simulator");

    @DynamicPropertySource
    static void simulatorProperties(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", database::jdbcUrl);
        properties.add("spring.datasource.username", database::username);
        properties.add("spring.datasource.password", database::password);
        TestIssuer.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Value("${simulator.quota.limit}")
    long configuredQuotaLimit;
    @Value("${simulator.quota.window}")
    String configuredQuotaWindow;

    final TestIssuer issuer = TestIssuer.get();

    /** The core API's caller: the proxy's identity. */
    JsonHttp http;
    /** The admin API's caller: an operator. */
    JsonHttp admin;
    /** Without a token. */
    JsonHttp anonymous;

    @BeforeEach
    void connect() {
        anonymous = new JsonHttp("http://localhost:" + port);
        http = anonymous.as(issuer.service("partner-bank-proxy"));
        admin = anonymous.as(issuer.admin());
        admin.put("/admin/v1/quota", """
                {"limit": %d, "window": "%s"}""".formatted(configuredQuotaLimit, configuredQuotaWindow)).expect(200);
        admin.delete("/admin/v1/faults").expect(204);
    }

    /** Opens a DKK account and answers its account number. */
    String openAccount() {
        return http.post("/core/v1/accounts", null, """
                {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(UUID.randomUUID()))
                .json().get("accountNumber").asString();
    }

    void credit(String accountNumber, String amount) {
        admin.post("/admin/v1/incoming-payments", null, """
                {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "%s", "currency": "DKK"},
                 "text": "salary"}""".formatted(accountNumber, amount)).expect(201);
    }

    String balance(String accountNumber) {
        return admin.get("/admin/v1/accounts/1234/" + accountNumber).expect(200).json().get("balance").get("amount").asString();
    }

    static String payment(String debtor, String creditorRegistration, String creditor, String amount) {
        return """
                {"debtor": {"registrationNumber": "1234", "accountNumber": "%s"},
                 "creditor": {"registrationNumber": "%s", "accountNumber": "%s"},
                 "amount": {"amount": "%s", "currency": "DKK"}, "text": "rent"}"""
                .formatted(debtor, creditorRegistration, creditor, amount);
    }
}
