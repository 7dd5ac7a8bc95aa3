package org.banksuite.kit.deadletters;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    private static final String MASK = PersonalDataMask.MASK;

    @Test
    void masksCustomerIdsButKeepsTheAccountId() {
        Map<String, Object> opened = PersonalDataMask.maskObject(Map.of("accountId", "acc-1", "customerId", "alice",
                "currency", "DKK", "recordType", "PERSONAL"));

        assertThat(opened).containsEntry("customerId", MASK).containsEntry("accountId", "acc-1")
                .containsEntry("currency", "DKK").containsEntry("recordType", "PERSONAL");
    }

    @Test
    void masksPaymentTextsButKeepsAmountsAndIds() {
        Map<String, Object> booked = PersonalDataMask.maskObject(json("transferId", "t-1", "debtorAccountId", "acc-1",
                "amount", json("value", "12.00", "currency", "DKK"), "debtorText", "rent for Bob",
                "creditorText", "from Alice", "text", "salary"));

        assertThat(booked).containsEntry("debtorText", MASK).containsEntry("creditorText", MASK)
                .containsEntry("text", MASK).containsEntry("transferId", "t-1")
                .containsEntry("debtorAccountId", "acc-1")
                .containsEntry("amount", json("value", "12.00", "currency", "DKK"));
    }

    @Test
    void masksReasons() {
        Map<String, Object> blocked = PersonalDataMask.maskObject(json("accountId", "acc-1",
                "reason", "customer reported fraud by her husband", "blockedAt", "2026-11-30T10:00:00Z"));

        assertThat(blocked).containsEntry("reason", MASK).containsEntry("blockedAt", "2026-11-30T10:00:00Z");
    }

    @Test
    void masksCoreRegistrationAndAccountNumbersAtAnyDepthKeepingTheShape() {
        Map<String, Object> requested = PersonalDataMask.maskObject(json("transferId", "t-1",
                "creditor", json("accountId", null, "registrationNumber", "1234", "accountNumber", "0012345678"),
                "number", json("registrationNumber", "1234", "accountNumber", "99")));

        assertThat(requested.get("creditor")).isEqualTo(json("accountId", null, "registrationNumber", MASK,
                "accountNumber", MASK));
        assertThat(requested.get("number")).isEqualTo(json("registrationNumber", MASK, "accountNumber", MASK));
    }

    @Test
    void masksEveryLeafOfAPersonalObjectOrList() {
        Map<String, Object> masked = PersonalDataMask.maskObject(json("reason", json("code", "X", "lines",
                List.of("a", "b")), "otherText", List.of("x", "y"), "customerId", null));

        assertThat(masked.get("reason")).isEqualTo(json("code", MASK, "lines", List.of(MASK, MASK)));
        assertThat(masked.get("otherText")).isEqualTo(List.of(MASK, MASK));
        assertThat(masked).containsEntry("customerId", null);
    }

    @Test
    void masksTheRawValueAndReasonOfAnUnreadableRecordButKeepsWhereItCameFrom() {
        Map<String, Object> unreadable = PersonalDataMask.maskObject(json("topic", "partner-bank.events",
                "partition", 0, "offset", 7, "key", "acc-1", "headers", Map.of("ce_type", "partner-bank.X.v1"),
                "valueBase64", "eyJjdXN0b21lcklkIjoiYWxpY2UifQ==", "reason", "unknown type"));

        assertThat(unreadable).containsEntry("valueBase64", MASK).containsEntry("reason", MASK)
                .containsEntry("key", "acc-1").containsEntry("topic", "partner-bank.events")
                .containsEntry("offset", 7).containsEntry("headers", Map.of("ce_type", "partner-bank.X.v1"));
    }

    @Test
    void masksPersonalHeadersOfTheEnvelopeOnly() {
        Map<String, String> headers = PersonalDataMask.maskHeaders(Map.of("ce_subject", "acc-1",
                "kafka_topic", "partner-bank.events", "customerId", "alice"));

        assertThat(headers).containsEntry("ce_subject", "acc-1").containsEntry("kafka_topic", "partner-bank.events")
                .containsEntry("customerId", MASK);
    }

    @Test
    void masksALetterWithoutChangingTheOriginal() {
        Map<String, Object> payload = json("accountId", "acc-1", "customerId", "alice");
        LetterView letter = new LetterView("e-1", "accounts.AccountOpened.v1", "x.AccountOpened", payload,
                Map.of("ce_subject", "acc-1"), Optional.empty(), 1, Instant.EPOCH, Instant.EPOCH);

        LetterView masked = PersonalDataMask.mask(letter);

        assertThat(masked.payload()).containsEntry("customerId", MASK).containsEntry("accountId", "acc-1");
        assertThat(masked.eventId()).isEqualTo("e-1");
        assertThat(letter.payload()).containsEntry("customerId", "alice");
    }

    /** A JSON object in field order that, unlike {@code Map.of}, holds nulls. */
    private static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> pairs = Arrays.asList(namesAndValues);
        for (int i = 0; i < pairs.size(); i += 2) {
            json.put((String) pairs.get(i), pairs.get(i + 1));
        }
        return json;
    }
}
