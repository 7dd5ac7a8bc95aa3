package org.banksuite.kit.reconstitution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one aggregate type's events back from the event store, in batches, through Axon's own upcasting and
 * deserialisation. The queries are ours because Axon's storage engine can read one aggregate or everything, but
 * not filter by type or time: a range batch walks the store's primary key, an entity batch its
 * (aggregate, sequence) index, so a handful of entities never costs a full scan. Timestamps are compared as
 * Axon writes them (ISO-8601 UTC with milliseconds), which sorts as text.
 */
class StoredEventScan {

    /** One batch: its events, and where the next batch starts. {@code exhausted} when nothing is left. */
    record Batch(List<DomainEventMessage<?>> events, long lastPosition, long lastSequence, boolean exhausted) {
    }

    private record Row(long position, GenericDomainEventEntry<byte[]> entry) {
    }

    private static final String COLUMNS = """
            globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
            payloadrevision, payload, metadata""";

    private final JdbcTemplate jdbc;
    private final Configuration axon;

    StoredEventScan(JdbcTemplate jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** Events of {@code aggregateType} stored after position {@code after}, up to {@code end}, in store order. */
    Batch range(String aggregateType, long after, long end, Instant from, Instant to, int limit) {
        List<Row> rows = jdbc.query("select " + COLUMNS + """
                 from domainevententry
                where globalindex > ? and globalindex <= ? and type = ?
                  and timestamp >= ? and timestamp < ?
                order by globalindex limit ?""", (rs, n) -> row(rs),
                after, end, aggregateType, lower(from), upper(to), limit);
        boolean exhausted = rows.size() < limit;
        return batch(rows, exhausted ? end : rows.getLast().position(), -1, exhausted);
    }

    /** One entity's events after sequence number {@code afterSequence}, stored up to position {@code end}. */
    Batch entity(String aggregateType, String entityId, long afterSequence, long end, Instant from, Instant to,
                 int limit) {
        List<Row> rows = jdbc.query("select " + COLUMNS + """
                 from domainevententry
                where aggregateidentifier = ? and sequencenumber > ? and globalindex <= ? and type = ?
                  and timestamp >= ? and timestamp < ?
                order by sequencenumber limit ?""", (rs, n) -> row(rs),
                entityId, afterSequence, end, aggregateType, lower(from), upper(to), limit);
        long lastSequence = rows.isEmpty() ? afterSequence : rows.getLast().entry().getSequenceNumber();
        return batch(rows, -1, lastSequence, rows.size() < limit);
    }

    private Batch batch(List<Row> rows, long lastPosition, long lastSequence, boolean exhausted) {
        List<DomainEventMessage<?>> events = new ArrayList<>(rows.size());
        EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream().map(Row::entry), axon.eventSerializer(), axon.upcasterChain())).forEach(events::add);
        return new Batch(events, lastPosition, lastSequence, exhausted);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("globalindex"), new GenericDomainEventEntry<>(rs.getString("type"),
                rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("eventidentifier"),
                rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                rs.getBytes("payload"), rs.getBytes("metadata")));
    }

    private static String lower(Instant from) {
        return from == null ? "" : DateTimeUtils.formatInstant(from);
    }

    /** Any stored timestamp sorts below "A", after the digits. */
    private static String upper(Instant to) {
        return to == null ? "A" : DateTimeUtils.formatInstant(to);
    }
}
