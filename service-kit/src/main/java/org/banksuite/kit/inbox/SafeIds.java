package org.banksuite.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.events.CloudEventsKafka;

/**
 * Ids under which an unreadable record is kept: taken from the record only when the store's columns (255 characters)
 * and a support person's screen take them as they are, visible ASCII without spaces; otherwise derived from where the
 * record was (topic, partition, offset), so that a redelivery of the same record gets the same id.
 */
final class SafeIds {

    private static final Pattern SAFE = Pattern.compile("[\\x21-\\x7E]{1," + CloudEventsKafka.MAX_HEADER_LENGTH + "}");

    private SafeIds() {
    }

    static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /** The record's {@code ce_id} if safe, else a UUID named by its position. */
    static String eventIdOf(ConsumerRecord<String, byte[]> record) {
        String id = CloudEventsKafka.header(record.headers(), CloudEventsKafka.ID);
        return isSafe(id) ? id : UUID.nameUUIDFromBytes(("unreadable/" + position(record))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The dead-letter sequence: the entity named by a safe {@code ce_subject} (or key), whose later events then wait
     * behind the record; else the record's own position, which holds nothing else back.
     */
    static String sequenceOf(ConsumerRecord<String, byte[]> record) {
        String subject = CloudEventsKafka.header(record.headers(), CloudEventsKafka.SUBJECT);
        if (isSafe(subject)) {
            return subject;
        }
        if (subject == null && isSafe(record.key())) {
            return record.key();
        }
        String position = position(record);
        return isSafe(position) ? position : "unreadable-" + UUID.nameUUIDFromBytes(
                position.getBytes(StandardCharsets.UTF_8));
    }

    private static String position(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
