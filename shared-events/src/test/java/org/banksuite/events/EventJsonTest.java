package org.banksuite.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.banksuite.events.UnreadableEventException.Reason;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final PostingBooked incomingPayment = new PostingBooked("a-1", "p-1", new Amount("500.00", "DKK"),
            "Salary", null, new Amount("2874.50", "DKK"), Instant.parse("2026-11-30T06:00:00.250Z"));

    @Test
    void leavesOutNullFields() {
        String json = json(EventJson.serialize(incomingPayment));

        assertThat(json).doesNotContain("reservationId").doesNotContain("null");
    }

    @Test
    void readsAnAnswerPublishedBeforeAnswersNamedTheirRequest() {
        byte[] before = """
                {"accountId": "a-1", "reason": "balance not zero", "refusedAt": "2026-11-22T10:15:30Z"}"""
                .getBytes(StandardCharsets.UTF_8);

        var refused = (CoreAccountClosureRefused) EventJson.deserialize("partner-bank.CoreAccountClosureRefused.v1",
                before);

        assertThat(refused.requestId()).isNull();
        assertThat(refused).isEqualTo(new CoreAccountClosureRefused("a-1", "balance not zero",
                Instant.parse("2026-11-22T10:15:30Z")));
    }

    @Test
    void writesInstantsAsIso8601AndDatesAsPlainDates() {
        TransferRequested scheduled = new TransferRequested("t-1", "a-1", Creditor.bankAccount("1551", "3512345678"),
                new Amount("10.00", "DKK"), "Gift", "Happy birthday", LocalDate.of(2026, 12, 24),
                Instant.parse("2026-11-22T10:15:30Z"));

        String json = json(EventJson.serialize(scheduled));

        assertThat(json).contains("\"requestedAt\":\"2026-11-22T10:15:30Z\"")
                .contains("\"executionDate\":\"2026-12-24\"")
                .contains("\"creditor\":{\"registrationNumber\":\"1551\",\"accountNumber\":\"3512345678\"}")
                .doesNotContain("subject");
        assertThat(json(EventJson.serialize(incomingPayment))).contains("\"bookedAt\":\"2026-11-30T06:00:00.250Z\"");
    }

    @Test
    void ignoresUnknownPropertiesForForwardCompatibility() {
        byte[] json = bytes("{\"accountId\":\"a-1\",\"registrationNumber\":\"5301\",\"accountNumber\":\"4817263\","
                + "\"openedAt\":\"2026-11-22T10:15:33Z\",\"branch\":\"Aarhus\"}");

        assertThat(EventJson.deserialize("partner-bank.CoreAccountOpened.v1", json))
                .isEqualTo(new CoreAccountOpened("a-1", "5301", "4817263", Instant.parse("2026-11-22T10:15:33Z")));
    }

    @Test
    void missingRequiredFieldIsAnInvalidPayload() {
        byte[] json = bytes("{\"accountId\":\"a-1\",\"registrationNumber\":\"5301\","
                + "\"openedAt\":\"2026-11-22T10:15:33Z\"}");

        assertThatThrownBy(() -> EventJson.deserialize("partner-bank.CoreAccountOpened.v1", json))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD))
                .hasMessageContaining("accountNumber");
    }

    @Test
    void jsonNullIsAnInvalidPayload() {
        assertThatThrownBy(() -> EventJson.deserialize("accounts.AccountClosed.v1", bytes("null")))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    @Test
    void coreAccountNumbersAreValidated() {
        Instant now = Instant.EPOCH;
        assertThatIllegalArgumentException().isThrownBy(() -> new CoreAccountOpened("a-1", "530", "1", now));
        assertThatIllegalArgumentException().isThrownBy(() -> new CoreAccountOpened("a-1", "5301", "12345678901", now));
        assertThatIllegalArgumentException().isThrownBy(() -> new CoreAccountOpened("a-1", "5301", "", now));
    }

    @Test
    void creditorHasExactlyOneForm() {
        assertThat(Creditor.suiteAccount("a-2").accountId()).isEqualTo("a-2");
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor(null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor("a-2", "1551", "3512345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Creditor(null, "1551", null));
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
