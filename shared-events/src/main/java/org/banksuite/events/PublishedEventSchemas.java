package org.banksuite.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks records as they really are on a topic against the JSON Schema (draft 2020-12, formats asserted) that
 * shared-events ships for their {@code ce_type}: the contract a consumer in any language relies on, not only the
 * golden files. For tests and consumers' checks: it needs {@code com.networknt:json-schema-validator} 3.x, an
 * optional dependency of shared-events that a user adds to its own class path.
 */
public final class PublishedEventSchemas {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> BY_TYPE = new ConcurrentHashMap<>();

    private PublishedEventSchemas() {
    }

    /**
     * What is wrong with {@code record}: an empty list if its value satisfies the schema of its {@code ce_type};
     * otherwise one line per violation, naming the topic, offset, type and field.
     */
    public static List<String> violations(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String type = CloudEventsKafka.header(record.headers(), CloudEventsKafka.TYPE);
        if (type == null) {
            return List.of(where + ": no ce_type header");
        }
        Schema schema;
        try {
            schema = BY_TYPE.computeIfAbsent(type, PublishedEventSchemas::load);
        } catch (UnknownEventTypeException e) {
            return List.of(where + ": ce_type " + type + " is not in the EventCatalog");
        }
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (RuntimeException e) {
            return List.of(where + " " + type + ": not JSON: " + new String(record.value(), StandardCharsets.UTF_8));
        }
        return schema.validate(value).stream().map(error -> where + " " + type + ": " + error).toList();
    }

    private static Schema load(String type) {
        CatalogEntry entry = EventCatalog.entryOf(type);
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema " + entry.schemaResource() + " on the class path");
            }
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
