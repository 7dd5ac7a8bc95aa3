package org.banksuite.console.story.client;

import java.time.Instant;

/**
 * One event on the story's time line, from its CloudEvents headers (the payload is not shown).
 *
 * @param topic     the topic it was read from, without a test prefix
 * @param partition its partition
 * @param offset    its offset there
 * @param id        {@code ce_id}: an event delivered twice has the same id and is shown once
 * @param type      {@code ce_type}, e.g. {@code transfers.TransferRequested.v1}
 * @param time      {@code ce_time} (when it happened), or the record's timestamp if that header is missing or unreadable
 * @param sequence  {@code ce_sequence} (its place in its entity's stream), as given; empty if missing
 * @param source    {@code ce_source}, the producing service ({@code /transfers-service})
 * @param traceId   the trace id of its {@code traceparent} header; empty if it has none
 * @param subject   the record's key: the entity it is about (an account, a transfer, a mismatch)
 */
public record StoryEvent(String topic, int partition, long offset, String id, String type, Instant time,
                         String sequence, String source, String traceId, String subject) {

    /** {@code ce_sequence} as a number for ordering events of the same time; -1 if it is not one. */
    long sequenceNumber() {
        try {
            return Long.parseLong(sequence);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
