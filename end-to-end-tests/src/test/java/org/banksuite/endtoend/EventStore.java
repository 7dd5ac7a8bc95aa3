package org.banksuite.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.banksuite.testsupport.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's Axon event store, read the way support staff would read it with SQL: the events its aggregates stored.
 * The inbox's copies of foreign events have no aggregate type, so they are never counted as the service's own.
 */
record EventStore(TestDatabase database) {

    record StoredEvent(String aggregateType, String aggregateId, String eventId, String payloadType) {
    }

    List<StoredEvent> eventsOf(Set<String> aggregateTypes) {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement query = connection.prepareStatement("select type, aggregateidentifier, eventidentifier,"
                     + " payloadtype from domainevententry where type = any (?) order by globalindex")) {
            query.setArray(1, connection.createArrayOf("varchar", aggregateTypes.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store of " + database.name(), e);
        }
        return events;
    }

    /** How many events the service stored with {@code text} in their metadata, e.g. a reconstitution job's id. */
    long countWithMetadataContaining(String text) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement query = connection.prepareStatement("select count(*) from domainevententry"
                     + " where position(? in convert_from(metadata, 'UTF8')) > 0")) {
            query.setString(1, text);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store of " + database.name(), e);
        }
    }

    /**
     * Each aggregate's first stored event whose payload type ends with one of {@code payloadTypes} (e.g.
     * {@code AccountOpened}), its payload read as JSON, by aggregate id: who opened an account, which account a
     * transfer debits. The tests call with the token of an object's owner, so they need to know it.
     */
    Map<String, JsonNode> firstPayloads(String aggregateType, Set<String> payloadTypes) {
        Map<String, JsonNode> payloads = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement query = connection.prepareStatement("select aggregateidentifier, payloadtype,"
                     + " convert_from(payload, 'UTF8') from domainevententry where type = ? order by globalindex")) {
            query.setString(1, aggregateType);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    if (payloadTypes.stream().anyMatch(type::endsWith) && !payloads.containsKey(rows.getString(1))) {
                        payloads.put(rows.getString(1), json.readTree(rows.getString(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store of " + database.name(), e);
        }
        return payloads;
    }

    /** Each account's customer (who opened it), by account id: read from an accounts-service store. */
    Map<String, String> customersByAccount() {
        Map<String, String> owners = new LinkedHashMap<>();
        firstPayloads("Account", Set.of("AccountOpened"))
                .forEach((id, opened) -> owners.put(id, opened.get("customerId").asString()));
        return owners;
    }

    List<String> aggregateIds(String aggregateType) {
        return eventsOf(Set.of(aggregateType)).stream().map(StoredEvent::aggregateId).distinct().toList();
    }
}
