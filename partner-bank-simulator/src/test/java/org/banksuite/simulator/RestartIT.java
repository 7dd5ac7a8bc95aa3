package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.TestIssuer;

import java.util.UUID;
import org.banksuite.testsupport.TestDatabase;
import org.banksuite.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator stops and starts again on the same database: accounts, balances and payments are still there. */
class RestartIT {

    private final TestDatabase database = TestInfrastructure.get().newDatabase("simulator-restart");

    @Test
    void keepsAccountsBalancesAndPaymentsAcrossARestart() {
        String externalId = UUID.randomUUID().toString();
        String key = "t-" + UUID.randomUUID();
        String accountNumber;
        String body;
        try (ConfigurableApplicationContext first = start()) {
            JsonHttp http = http(first);
            accountNumber = http.post("/core/v1/accounts", null, """
                    {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(externalId))
                    .expect(201).json().get("accountNumber").asString();
            http.as(TestIssuer.get().admin()).post("/admin/v1/incoming-payments", null, """
                    {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "80.00", "currency": "DKK"}}"""
                    .formatted(accountNumber)).expect(201);
            body = SimulatorIT.payment(accountNumber, "1551", "77", "30.00");
            http.post("/core/v1/payments", key, body).expect(201);
        }
        try (ConfigurableApplicationContext second = start()) {
            JsonHttp http = http(second);
            assertThat(http.as(TestIssuer.get().admin()).get("/admin/v1/accounts/1234/" + accountNumber).expect(200).json()
                    .get("balance").get("amount").asString()).isEqualTo("50.00");
            assertThat(http.post("/core/v1/accounts", null, """
                    {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(externalId))
                    .expect(201).json().get("accountNumber").asString()).isEqualTo(accountNumber);
            assertThat(http.post("/core/v1/payments", key, body).expect(201).json().get("status").asString())
                    .isEqualTo("ACCEPTED");
            assertThat(http.get("/core/v1/accounts/1234/" + accountNumber + "/entries").expect(200).json()
                    .get("entries")).hasSize(2);
            assertThat(http.as(TestIssuer.get().admin()).get("/admin/v1/accounts/1234/" + accountNumber).expect(200).json()
                    .get("balance").get("amount").asString()).isEqualTo("50.00");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SimulatorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.get().issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.get().jwkSetUri());
    }

    private static JsonHttp http(ConfigurableApplicationContext context) {
        return new JsonHttp("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort())
                .as(TestIssuer.get().service("partner-bank-proxy"));
    }
}
