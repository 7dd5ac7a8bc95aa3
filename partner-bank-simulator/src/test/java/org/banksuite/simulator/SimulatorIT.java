package org.banksuite.simulator;

import java.util.UUID;
import org.banksuite.testsupport.JsonHttp;
import org.banksuite.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The running simulator on a real PostgreSQL, called over HTTP as the proxy would call it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
abstract class SimulatorIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    JsonHttp http;

    @BeforeEach
    void connect() {
        http = new JsonHttp("http://localhost:" + port);
    }

    /** Opens a DKK account and answers its account number. */
    String openAccount() {
        return http.post("/core/v1/accounts", null, """
                {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(UUID.randomUUID()))
                .json().get("accountNumber").asString();
    }

    void credit(String accountNumber, String amount) {
        http.post("/admin/v1/incoming-payments", null, """
                {"registrationNumber": "1234", "accountNumber": "%s", "amount": {"amount": "%s", "currency": "DKK"},
                 "text": "salary"}""".formatted(accountNumber, amount)).expect(201);
    }

    String balance(String accountNumber) {
        return http.get("/admin/v1/accounts/1234/" + accountNumber).expect(200).json().get("balance").get("amount").asString();
    }

    static String payment(String debtor, String creditorRegistration, String creditor, String amount) {
        return """
                {"debtor": {"registrationNumber": "1234", "accountNumber": "%s"},
                 "creditor": {"registrationNumber": "%s", "accountNumber": "%s"},
                 "amount": {"amount": "%s", "currency": "DKK"}, "text": "rent"}"""
                .formatted(debtor, creditorRegistration, creditor, amount);
    }
}
