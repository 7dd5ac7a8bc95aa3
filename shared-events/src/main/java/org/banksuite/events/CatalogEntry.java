package org.banksuite.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event type of the contract: its stable {@code ce_type}, the record that carries it, and its topic.
 *
 * @param ceType      {@code <domain>.<EventName>.v<N>}, e.g. {@code accounts.AccountOpened.v1}
 * @param recordClass the immutable record for exactly this type and version
 * @param topic       the topic its producer publishes it on (see {@link Topics})
 */
public record CatalogEntry(String ceType, Class<? extends IntegrationEvent> recordClass, String topic) {

    private static final Pattern CE_TYPE = Pattern.compile("[a-z]+(-[a-z]+)*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*");

    public CatalogEntry {
        Objects.requireNonNull(ceType, "ceType");
        Objects.requireNonNull(recordClass, "recordClass");
        Objects.requireNonNull(topic, "topic");
        if (!CE_TYPE.matcher(ceType).matches()) {
            throw new IllegalArgumentException(
                    "ce_type must look like <domain>.<EventName>.v<N>, got '" + ceType + "'");
        }
    }

    /** The event's name without domain and version, e.g. {@code AccountOpened}. */
    public String eventName() {
        return ceType.substring(ceType.indexOf('.') + 1, ceType.lastIndexOf('.'));
    }

    /** The class-path location of this type's JSON Schema (draft 2020-12), shipped in this jar. */
    public String schemaResource() {
        return "event-schemas/" + ceType + ".schema.json";
    }
}
