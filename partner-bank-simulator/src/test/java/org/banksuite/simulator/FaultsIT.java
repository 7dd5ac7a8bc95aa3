package org.banksuite.simulator;

import org.banksuite.testsupport.JsonHttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsIT extends SimulatorIT {

    @AfterEach
    void noFaults() {
        admin.delete("/admin/v1/faults").expect(204);
    }

    private void faults(String json) {
        admin.put("/admin/v1/faults", json).expect(200);
    }

    @Test
    void latencyIsAdded() {
        String account = openAccount();
        faults("""
                {"latencyMillis": 700}""");

        long started = System.nanoTime();
        http.get("/core/v1/accounts/1234/" + account + "/balance").expect(200);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(700);
        long adminStarted = System.nanoTime();
        admin.get("/admin/v1/accounts/1234/" + account).expect(200);
        assertThat((System.nanoTime() - adminStarted) / 1_000_000).as("the admin API is not delayed").isLessThan(700);
    }

    @Test
    void anErrorRateOfOneAnswers500BeforeDoingAnything() {
        String debtor = openAccount();
        credit(debtor, "10.00");
        faults("""
                {"errorRate": 1.0}""");
        String key = "t-" + UUID.randomUUID();

        JsonHttp.Answer failed = http.post("/core/v1/payments", key, payment(debtor, "1551", "1", "1.00")).expect(500);

        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.json().get("type").asString()).isEqualTo("urn:banksuite:problem:core-injected-fault");
        admin.delete("/admin/v1/faults").expect(204);
        http.get("/core/v1/payments/" + key).expect(404);
        assertThat(balance(debtor)).isEqualTo("10.00");
    }

    @Test
    void aResetRateOfOneClosesTheConnectionWithoutAnswerAndWithoutBooking() {
        String debtor = openAccount();
        credit(debtor, "10.00");
        faults("""
                {"resetRate": 1.0}""");
        String key = "t-" + UUID.randomUUID();

        assertThatThrownBy(() -> http.sendRaw(HttpRequest.newBuilder(URI.create(http.base() + "/core/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(payment(debtor, "1551", "1", "1.00")))))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);

        admin.delete("/admin/v1/faults").expect(204);
        http.get("/core/v1/payments/" + key).expect(404);
        assertThat(balance(debtor)).isEqualTo("10.00");
    }

    @Test
    void dropAfterBookingBooksThePaymentButNeverAnswers() {
        String debtor = openAccount();
        credit(debtor, "10.00");
        faults("""
                {"dropResponseAfterBookingRate": 1.0}""");
        String key = "t-" + UUID.randomUUID();
        String body = payment(debtor, "1551", "1", "4.00");

        assertThatThrownBy(() -> http.sendRaw(HttpRequest.newBuilder(URI.create(http.base() + "/core/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);

        admin.delete("/admin/v1/faults").expect(204);
        assertThat(http.get("/core/v1/payments/" + key).expect(200).json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(balance(debtor)).isEqualTo("6.00");
        // the retry with the same key answers the booked result and books nothing more
        assertThat(http.post("/core/v1/payments", key, body).expect(201).json().get("status").asString())
                .isEqualTo("ACCEPTED");
        assertThat(balance(debtor)).isEqualTo("6.00");
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        admin.put("/admin/v1/faults", """
                {"errorRate": 1.5}""").expect(422);
        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("errorRate").asDouble()).isZero();
    }
}
