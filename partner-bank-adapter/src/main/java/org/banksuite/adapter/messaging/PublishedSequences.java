package org.banksuite.adapter.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code ce_sequence} of each published event: 0, 1, 2… per subject, without gaps, although the adapter's
 * aggregates also store events that are never published. A number, once given to an event, stays its own, so a
 * republished or replayed event carries the same one. Used by the one publishing processor, one event at a time.
 */
@Component
class PublishedSequences {

    private final JdbcTemplate jdbc;

    PublishedSequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long of(String eventId, String subject) {
        jdbc.update("""
                insert into published_event (event_id, subject, sequence)
                select ?, ?, coalesce(max(sequence), -1) + 1 from published_event where subject = ?
                on conflict (event_id) do nothing""", eventId, subject, subject);
        Long sequence = jdbc.queryForObject("select sequence from published_event where event_id = ?", Long.class,
                eventId);
        return sequence == null ? 0 : sequence;
    }
}
