package org.banksuite.console.story.client;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Which records belong to one entity: those keyed by its id, and those whose payload names it in a top-level text
 * field (an {@code accountId} of a mismatch, a reservation's id that is the transfer's, a posting id
 * {@code <transferId>/debit}, a core entry's {@code transferId}). The payload is read as plain JSON: unknown fields
 * and types are fine, and a payload that is not JSON counts by its key alone.
 */
final class EventMatch {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String entityId;
    private final Set<String> accountsNamed = new LinkedHashSet<>();

    EventMatch(String entityId) {
        this.entityId = entityId;
    }

    /** Keyed by the entity. */
    boolean ownedBy(ConsumerRecord<byte[], byte[]> record) {
        return TopicReader.key(record).equals(entityId);
    }

    /** Keyed by the entity (a transfer); the accounts its payload names are kept for {@link #accountsNamed()}. */
    boolean ownedByTransfer(ConsumerRecord<byte[], byte[]> record) {
        if (!ownedBy(record)) {
            return false;
        }
        accountsNamed.addAll(accountsIn(record.value()));
        return true;
    }

    /** Keyed by the entity, or naming it in its payload. */
    boolean belongs(ConsumerRecord<byte[], byte[]> record) {
        if (ownedBy(record)) {
            return true;
        }
        JsonNode payload = payload(record.value());
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            if (field.getValue().isString() && names(field.getValue().stringValue())) {
                return true;
            }
        }
        return false;
    }

    private boolean names(String value) {
        return value.equals(entityId) || value.startsWith(entityId + "/");
    }

    /**
     * The suite accounts a transfer's events name: its debtor ({@code debtorAccountId}) and, for a transfer inside the
     * suite, its creditor ({@code creditor.accountId}).
     */
    Set<String> accountsNamed() {
        return Set.copyOf(accountsNamed);
    }

    private static Set<String> accountsIn(byte[] value) {
        JsonNode payload = payload(value);
        Set<String> accounts = new LinkedHashSet<>();
        for (JsonNode candidate : new JsonNode[] {payload.path("debtorAccountId"),
                payload.path("creditor").path("accountId")}) {
            if (candidate.isString() && UUID_SHAPE.matcher(candidate.stringValue()).matches()) {
                accounts.add(candidate.stringValue());
            }
        }
        return accounts;
    }

    private static JsonNode payload(byte[] value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
