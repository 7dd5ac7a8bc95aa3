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
    void faultsConfinedToAnAccountMeetOnlyItsPaymentsAndItsPaths() {
        String faulted = openAccount();
        String other = openAccount();
        credit(faulted, "10.00");
        credit(other, "10.00");
        faults("""
                {"errorRate": 1.0, "account": {"registrationNumber": "1234", "accountNumber": "%s"}}""".formatted(faulted));

        http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(faulted, "1551", "1", "1.00")).expect(500);
        http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(other, "1234", faulted, "1.00")).expect(500);
        http.get("/core/v1/accounts/1234/" + faulted + "/balance").expect(500);
        assertThat(http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(other, "1551", "1", "2.00"))
                .expect(201).json().get("status").asString()).isEqualTo("ACCEPTED");
        http.get("/core/v1/accounts/1234/" + other + "/balance").expect(200);
        assertThat(balance(faulted)).isEqualTo("10.00");
        assertThat(balance(other)).isEqualTo("8.00");
        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("account").get("accountNumber").asString())
                .isEqualTo(faulted);
    }

    @Test
    void aLostAnswerConfinedToAnAccountBooksItsPaymentAndAnswersTheOthers() {
        String faulted = openAccount();
        String other = openAccount();
        credit(faulted, "10.00");
        credit(other, "10.00");
        faults("""
                {"dropResponseAfterBookingRate": 1.0,
                 "account": {"registrationNumber": "1234", "accountNumber": "%s"}}""".formatted(faulted));
        String key = "t-" + UUID.randomUUID();

        assertThatThrownBy(() -> http.sendRaw(HttpRequest.newBuilder(URI.create(http.base() + "/core/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(payment(faulted, "1551", "1", "4.00")))))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(http.post("/core/v1/payments", "t-" + UUID.randomUUID(), payment(other, "1551", "1", "3.00"))
                .expect(201).json().get("status").asString()).isEqualTo("ACCEPTED");

        assertThat(http.get("/core/v1/payments/" + key).expect(200).json().get("status").asString())
                .as("asking for the payment by its key is about no account").isEqualTo("ACCEPTED");
        assertThat(balance(faulted)).isEqualTo("6.00");
        assertThat(balance(other)).isEqualTo("7.00");
    }

    @Test
    void anAccountThatIsNoCoreAccountNumberIsRefusedAndChangesNothing() {
        faults("""
                {"latencyMillis": 5}""");

        admin.put("/admin/v1/faults", """
                {"errorRate": 1.0, "account": {"registrationNumber": "12", "accountNumber": "x1"}}""").expect(422);
        admin.put("/admin/v1/faults", """
                {"errorRate": 1.0, "account": {"accountNumber": "1"}}""").expect(422);

        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("errorRate").asDouble()).isZero();
        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("latencyMillis").asLong()).isEqualTo(5);
    }

    @Test
    void aRateOutsideZeroToOneIsRefused() {
        admin.put("/admin/v1/faults", """
                {"errorRate": 1.5}""").expect(422);
        assertThat(admin.get("/admin/v1/faults").expect(200).json().get("errorRate").asDouble()).isZero();
    }
}
