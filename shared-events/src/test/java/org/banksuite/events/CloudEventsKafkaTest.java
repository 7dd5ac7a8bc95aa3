package org.banksuite.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.banksuite.events.UnreadableEventException.Reason;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventsKafkaTest {

    private static final String ACCOUNT = "3f2b8c1e-6a4d-4e7b-9c2a-1d5e8f7a0b14";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final FundsReserved reserved = new FundsReserved(ACCOUNT, "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            new Amount("125.50", "DKK"), Instant.parse("2026-11-23T08:00:01Z"));
    private final EventEnvelope envelope = new EventEnvelope("0b6f1c52-77d3-4a43-9d6b-5f0e2c4a8e21",
            "/accounts-service", "accounts.FundsReserved.v1", ACCOUNT, Instant.parse("2026-11-23T08:00:01.123Z"), 7,
            "corr-1", "cause-1", TRACEPARENT, reserved);

    @Test
    void writesKeyValueAndEveryHeader() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(Topics.ACCOUNTS_EVENTS, envelope);

        assertThat(record.topic()).isEqualTo("accounts.events");
        assertThat(record.key()).isEqualTo(ACCOUNT);
        assertThat(record.timestamp()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"amount\":\"125.50\"");
        Headers headers = record.headers();
        assertThat(CloudEventsKafka.header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventsKafka.header(headers, "ce_id")).isEqualTo("0b6f1c52-77d3-4a43-9d6b-5f0e2c4a8e21");
        assertThat(CloudEventsKafka.header(headers, "ce_source")).isEqualTo("/accounts-service");
        assertThat(CloudEventsKafka.header(headers, "ce_type")).isEqualTo("accounts.FundsReserved.v1");
        assertThat(CloudEventsKafka.header(headers, "ce_subject")).isEqualTo(ACCOUNT);
        assertThat(CloudEventsKafka.header(headers, "ce_time")).isEqualTo("2026-11-23T08:00:01.123Z");
        assertThat(CloudEventsKafka.header(headers, "ce_sequence")).isEqualTo("7");
        assertThat(CloudEventsKafka.header(headers, "ce_correlationid")).isEqualTo("corr-1");
        assertThat(CloudEventsKafka.header(headers, "ce_causationid")).isEqualTo("cause-1");
        assertThat(CloudEventsKafka.header(headers, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(CloudEventsKafka.header(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void readsBackTheEnvelopeItWrote() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);

        EventEnvelope read = CloudEventsKafka.fromRecord(consumed(record));

        assertThat(read).isEqualTo(envelope);
    }

    @Test
    void leavesOutAbsentOptionalHeadersAndReadsThemAsNull() {
        EventEnvelope plain = EventEnvelope.of("id-1", "/accounts-service", Instant.EPOCH, 0, reserved);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", plain);

        assertThat(record.headers().lastHeader("ce_correlationid")).isNull();
        assertThat(record.headers().lastHeader("traceparent")).isNull();
        assertThat(CloudEventsKafka.fromRecord(consumed(record))).isEqualTo(plain);
    }

    @Test
    void writesHeaderValuesAsUtf8() {
        EventEnvelope withUnicode = envelope.withTracing("kæde-ø", null, null);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", withUnicode);

        assertThat(record.headers().lastHeader("ce_correlationid").value())
                .isEqualTo("kæde-ø".getBytes(StandardCharsets.UTF_8));
        assertThat(CloudEventsKafka.fromRecord(consumed(record)).correlationId()).isEqualTo("kæde-ø");
    }

    @Test
    void readsAnRfc3339TimeWithAnOffset() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_time").add("ce_time", bytes("2026-11-23T09:00:01.123+01:00"));

        assertThat(CloudEventsKafka.fromRecord(consumed(record)).time()).isEqualTo(envelope.time());
    }

    @Test
    void missingTypeHeaderIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_type");

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER))
                .hasMessageContaining("ce_type")
                .hasMessageContaining("accounts.events-0@42");
    }

    @Test
    void unknownTypeIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_type").add("ce_type", bytes("accounts.FundsReserved.v2"));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE))
                .hasMessageContaining("accounts.FundsReserved.v2");
    }

    @Test
    void malformedJsonIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(record.topic(), null, null, record.key(),
                bytes("{\"accountId\": "), record.headers());

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(broken)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    @Test
    void payloadBreakingTheContractIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        String json = new String(record.value(), StandardCharsets.UTF_8).replace("125.50", "125.505");
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(record.topic(), null, null, record.key(),
                bytes(json), record.headers());

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(broken)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD))
                .hasMessageContaining("125.505");
    }

    @Test
    void malformedSequenceIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_sequence").add("ce_sequence", bytes("seven"));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER));
    }

    @Test
    void idLongerThanTheStoresColumnIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_id").add("ce_id", bytes("x".repeat(300)));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER))
                .hasMessageContaining("ce_id is 300 characters long");
    }

    @Test
    void controlCharacterInAHeaderIsUnreadableAndShownEscaped() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_correlationid").add("ce_correlationid", bytes("corr\u0000-1"));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER))
                .hasMessageContaining("control character")
                .hasMessageContaining("corr\\u0000-1")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void subjectWithSpacesIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_subject").add("ce_subject", bytes("an account"));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER))
                .hasMessageContaining("ce_subject");
    }

    @Test
    void typeFromAnotherTopicIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("partner-bank.events", envelope);

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER))
                .hasMessageContaining("belongs on accounts.events, not on partner-bank.events");
    }

    @Test
    void reconciliationEventFromReconciliationServiceIsRead() {
        var detected = new org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected(
                "mismatch-1", "UNBOOKED_CORE_ENTRY", ACCOUNT, "core:17", new Amount("-30.00", "DKK"), null,
                Instant.parse("2026-11-23T08:00:01Z"));
        EventEnvelope mismatch = new EventEnvelope("5d1f3a9e-2b7c-4e8a-9f10-3c6d2e1b0a77", "/reconciliation-service",
                "reconciliation.ReconciliationMismatchDetected.v1", "mismatch-1", Instant.parse("2026-11-23T08:00:01Z"), 0,
                null, null, null, detected);

        assertThat(CloudEventsKafka.fromRecord(consumed(CloudEventsKafka.toRecord("t7.reconciliation.events", mismatch))))
                .isEqualTo(mismatch);
    }

    @Test
    void typeOnItsOwnTopicBehindATestPrefixIsRead() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("t42.accounts.events", envelope);

        assertThat(CloudEventsKafka.fromRecord(consumed(record))).isEqualTo(envelope);
    }

    @Test
    void typeReplayedToAReceiverThatReadsItsTopicIsReadAndToOneThatDoesNotIsUnreadable() {
        ProducerRecord<String, byte[]> toTransfers = CloudEventsKafka.toRecord("reconstitution.transfers-service",
                envelope);
        ProducerRecord<String, byte[]> toAccounts = CloudEventsKafka.toRecord("t1.reconstitution.accounts-service",
                envelope);

        assertThat(CloudEventsKafka.fromRecord(consumed(toTransfers))).isEqualTo(envelope);
        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(toAccounts)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("does not read accounts.events");
    }

    @Test
    void typeFromAnotherSourceIsUnreadable() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("ce_source").add("ce_source", bytes("/partner-bank-adapter"));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                .isInstanceOfSatisfying(UnreadableEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER))
                .hasMessageContaining("comes only from /accounts-service");
    }

    @Test
    void sequenceWithASignOrTooManyDigitsIsUnreadable() {
        for (String sequence : new String[] {"+7", "-1", "1234567890123456789012"}) {
            ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
            record.headers().remove("ce_sequence").add("ce_sequence", bytes(sequence));

            assertThatThrownBy(() -> CloudEventsKafka.fromRecord(consumed(record)))
                    .isInstanceOfSatisfying(UnreadableEventException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_HEADER));
        }
    }

    @Test
    void malformedTraceparentIsDroppedAndTheEventRead() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("accounts.events", envelope);
        record.headers().remove("traceparent").add("traceparent", bytes("00-not-a-trace\u0007"));

        assertThat(CloudEventsKafka.fromRecord(consumed(record)).traceparent()).isNull();
    }

    @Test
    void envelopeRejectsATypeOrSubjectThatDoesNotMatchItsEvent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventEnvelope("id", "/s",
                "accounts.FundsReservationDeclined.v1", ACCOUNT, Instant.EPOCH, 0, null, null, null, reserved));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventEnvelope("id", "/s",
                "accounts.FundsReserved.v1", "other-account", Instant.EPOCH, 0, null, null, null, reserved));
    }

    @Test
    void headerHelperReturnsNullForAnAbsentHeader() {
        assertThat(CloudEventsKafka.header(new RecordHeaders(), "ce_id")).isNull();
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, sent.key(),
                sent.value(), sent.headers(), Optional.empty());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
