package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeIdsTest {

    @Test
    void keepsAnUnreadableRecordUnderItsOwnIdsWhenTheyAreSafe() {
        ConsumerRecord<String, byte[]> record = record("key-1", "ce_id", "id-1", "ce_subject", "account-1");

        assertThat(SafeIds.eventIdOf(record)).isEqualTo("id-1");
        assertThat(SafeIds.sequenceOf(record)).isEqualTo("account-1");
    }

    @Test
    void derivesTheEventIdFromThePositionWhenTheCeIdIsTooLongAndTheSameForARedelivery() {
        ConsumerRecord<String, byte[]> record = record("key-1", "ce_id", "x".repeat(300));

        assertThat(SafeIds.eventIdOf(record)).hasSize(36).isEqualTo(SafeIds.eventIdOf(
                record("key-1", "ce_id", "y".repeat(300))));
    }

    @Test
    void neverUsesAMalformedSubjectAsTheSequenceNorTheKeyInItsPlace() {
        assertThat(SafeIds.sequenceOf(record("key-1", "ce_subject", "a\u0007b"))).isEqualTo("partner-bank.events-3@17");
        assertThat(SafeIds.sequenceOf(record("key-1", "ce_subject", "s".repeat(256))))
                .isEqualTo("partner-bank.events-3@17");
    }

    @Test
    void usesTheKeyAsTheSequenceWhenTheRecordHasNoSubject() {
        assertThat(SafeIds.sequenceOf(record("key-1"))).isEqualTo("key-1");
        assertThat(SafeIds.sequenceOf(record("a key with spaces"))).isEqualTo("partner-bank.events-3@17");
    }

    private static ConsumerRecord<String, byte[]> record(String key, String... headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            recordHeaders.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>("partner-bank.events", 3, 17, 0L, TimestampType.CREATE_TIME, -1, -1, key,
                new byte[0], recordHeaders, Optional.empty());
    }
}
