package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsIT extends SimulatorIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPaymentBetweenTwoAccountsOfThisBankMovesMoneyOnBoth() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "500.00");

        JsonNode result = http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(debtor, "1234", creditor, "125.50"))
                .expect(201).json();

        assertThat(result.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(result.get("direction").asString()).isEqualTo("INTERNAL");
        assertThat(balance(debtor)).isEqualTo("374.50");
        assertThat(balance(creditor)).isEqualTo("125.50");
        JsonNode creditorEntries = http.get("/core/v1/accounts/1234/" + creditor + "/entries").expect(200).json();
        assertThat(creditorEntries.get("entries").get(0).get("amount").get("amount").asString()).isEqualTo("125.50");
        assertThat(creditorEntries.get("entries").get(0).get("paymentKey").asString())
                .isEqualTo(result.get("idempotencyKey").asString());
    }

    @Test
    void aPaymentToAnotherBankDebitsOnlyAndIsRecordedAsOutgoing() {
        String debtor = openAccount();
        credit(debtor, "100.00");
        String key = "t-" + UUID.randomUUID();

        JsonNode result = http.post("/core/v1/payments", key, payment(debtor, "1551", "3512345678", "40.00")).expect(201).json();

        assertThat(result.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(result.get("direction").asString()).isEqualTo("OUTGOING");
        assertThat(balance(debtor)).isEqualTo("60.00");
        JsonNode entries = http.get("/core/v1/accounts/1234/" + debtor + "/entries").expect(200).json().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("amount").get("amount").asString()).isEqualTo("-40.00");
        assertThat(jdbc.queryForObject("select count(*) from core_entry where payment_key = ?", Long.class, key)).isEqualTo(1);
    }

    @Test
    void insufficientFundsAreRejectedWithoutAnyEntry() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "10.00");
        String key = "t-" + UUID.randomUUID();

        JsonNode result = http.post("/core/v1/payments", key, payment(debtor, "1234", creditor, "10.01")).expect(201).json();

        assertThat(result.get("status").asString()).isEqualTo("REJECTED");
        assertThat(result.get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(balance(debtor)).isEqualTo("10.00");
        assertThat(balance(creditor)).isEqualTo("0.00");
        assertThat(jdbc.queryForObject("select count(*) from core_entry where payment_key = ?", Long.class, key)).isZero();
        assertThat(http.get("/core/v1/payments/" + key).expect(200).json().get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void theSameKeyTwiceBooksOnceAndAnswersTheFirstResult() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        String key = "t-" + UUID.randomUUID();
        String body = payment(debtor, "1234", creditor, "30.00");

        JsonNode first = http.post("/core/v1/payments", key, body).expect(201).json();
        JsonNode second = http.post("/core/v1/payments", key, body).expect(201).json();

        assertThat(second).isEqualTo(first);
        assertThat(balance(debtor)).isEqualTo("70.00");
        assertThat(balance(creditor)).isEqualTo("30.00");
        assertThat(http.get("/core/v1/payments/" + key).expect(200).json().get("paymentId"))
                .isEqualTo(first.get("paymentId"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        String key = "t-" + UUID.randomUUID();
        http.post("/core/v1/payments", key, payment(debtor, "1234", creditor, "30.00")).expect(201);

        JsonHttp.Answer reused = http.post("/core/v1/payments", key, payment(debtor, "1234", creditor, "31.00")).expect(422);

        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:banksuite:problem:idempotency-key-reused");
        assertThat(balance(debtor)).isEqualTo("70.00");
    }

    @Test
    void concurrentDuplicatesBookOnce() throws Exception {
        String debtor = openAccount();
        String creditor = openAccount();
        credit(debtor, "100.00");
        String key = "t-" + UUID.randomUUID();
        String body = payment(debtor, "1234", creditor, "60.00");

        List<Callable<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> http.post("/core/v1/payments", key, body).expect(201).json());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<JsonNode> answers = new ArrayList<>();
        try {
            for (Future<JsonNode> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(answer.get("paymentId")).isEqualTo(answers.getFirst().get("paymentId"));
        });
        assertThat(jdbc.queryForObject("select count(*) from core_entry where payment_key = ?", Long.class, key)).isEqualTo(2);
        assertThat(balance(debtor)).isEqualTo("40.00");
        assertThat(balance(creditor)).isEqualTo("60.00");
    }

    @Test
    void anUnknownPaymentIs404AndAMissingKeyIs400() {
        assertThat(http.get("/core/v1/payments/never-seen").expect(404).json().get("type").asString())
                .isEqualTo("urn:banksuite:problem:core-payment-not-found");
        String debtor = openAccount();
        assertThat(http.post("/core/v1/payments", null, payment(debtor, "1551", "1", "1.00")).expect(400)
                .json().get("type").asString()).isEqualTo("urn:banksuite:problem:idempotency-key-missing");
    }
}
