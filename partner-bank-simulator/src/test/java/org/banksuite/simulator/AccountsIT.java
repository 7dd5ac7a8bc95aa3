package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsIT extends SimulatorIT {

    @Test
    void theSameExternalIdAgainAnswersTheSameAccount() {
        String body = """
                {"externalId": "%s", "recordType": "PERSONAL", "currency": "DKK"}""".formatted(UUID.randomUUID());

        JsonNode first = http.post("/core/v1/accounts", null, body).expect(201).json();
        JsonNode again = http.post("/core/v1/accounts", null, body).expect(201).json();

        assertThat(first.get("registrationNumber").asString()).isEqualTo("1234");
        assertThat(first.get("accountNumber").asString()).matches("\\d{1,10}");
        assertThat(first.get("status").asString()).isEqualTo("OPEN");
        assertThat(again.get("accountNumber")).isEqualTo(first.get("accountNumber"));
        assertThat(openAccount()).isNotEqualTo(first.get("accountNumber").asString());
    }

    @Test
    void anIncomingPaymentCreditsTheAccountAndAppearsInItsEntriesWithAWorkingCursor() {
        String account = openAccount();
        credit(account, "100.00");
        credit(account, "0.50");

        JsonNode firstPage = http.get("/core/v1/accounts/1234/" + account + "/entries?limit=1").expect(200).json();
        assertThat(firstPage.get("entries")).hasSize(1);
        assertThat(firstPage.get("entries").get(0).get("amount").get("amount").asString()).isEqualTo("100.00");
        assertThat(firstPage.get("entries").get(0).get("text").asString()).isEqualTo("salary");
        assertThat(firstPage.get("entries").get(0).has("paymentKey")).isFalse();

        String cursor = firstPage.get("nextCursor").asString();
        JsonNode secondPage = http.get("/core/v1/accounts/1234/" + account + "/entries?after=" + cursor).expect(200).json();
        assertThat(secondPage.get("entries")).hasSize(1);
        assertThat(secondPage.get("entries").get(0).get("amount").get("amount").asString()).isEqualTo("0.50");

        String last = secondPage.get("nextCursor").asString();
        JsonNode empty = http.get("/core/v1/accounts/1234/" + account + "/entries?after=" + last).expect(200).json();
        assertThat(empty.get("entries")).isEmpty();
        assertThat(empty.get("nextCursor").asString()).isEqualTo(last);

        credit(account, "1.00");
        assertThat(http.get("/core/v1/accounts/1234/" + account + "/entries?after=" + last).expect(200).json()
                .get("entries").get(0).get("amount").get("amount").asString()).isEqualTo("1.00");
        JsonNode balance = http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200).json();
        assertThat(balance.get("balance").get("amount").asString()).isEqualTo("101.50");
        assertThat(balance.get("balance").get("currency").asString()).isEqualTo("DKK");
        assertThat(balance(account)).isEqualTo("101.50");
    }

    @Test
    void closureIsRefusedWhileMoneyIsOnTheAccount() {
        String account = openAccount();
        credit(account, "5.00");

        JsonHttp.Answer refused = http.post("/core/v1/accounts/1234/" + account + "/closure", null, "").expect(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-account-balance-not-zero");

        http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(account, "1551", "42", "5.00")).expect(201);
        assertThat(http.post("/core/v1/accounts/1234/" + account + "/closure", null, "").expect(200).json()
                .get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void theRecordTypeChanges() {
        String account = openAccount();

        JsonNode changed = http.put("/core/v1/accounts/1234/" + account + "/record-type", """
                {"recordType": "BUSINESS"}""").expect(200).json();

        assertThat(changed.get("recordType").asString()).isEqualTo("BUSINESS");
        assertThat(admin.get("/admin/v1/accounts/1234/" + account).expect(200).json().get("recordType").asString())
                .isEqualTo("BUSINESS");
    }

    @Test
    void anUnknownAccountIsAProblem() {
        JsonHttp.Answer missing = http.get("/core/v1/accounts/1234/99/balance").expect(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-account-not-found");
        admin.post("/admin/v1/incoming-payments", null, """
                {"registrationNumber": "1234", "accountNumber": "99", "amount": {"amount": "1.00", "currency": "DKK"}}""")
                .expect(404);
        assertThat(http.post("/core/v1/accounts", null, "{not json").expect(400).json().get("type").asString())
                .isEqualTo("urn:banksuite:problem:malformed-request");
        assertThat(http.post("/core/v1/accounts", null, "{\"externalId\": \"x\"}").expect(422).json().get("type").asString())
                .isEqualTo("urn:banksuite:problem:invalid-request");
    }
}
