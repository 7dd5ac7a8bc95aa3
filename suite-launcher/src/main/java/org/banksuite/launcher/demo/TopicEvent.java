package org.banksuite.launcher.demo;

/**
 * One record on a topic, as a consumer deduplicates and orders it: the entity it is about (the key), its
 * {@code ce_id}, type, and {@code ce_sequence} (the entity's event number; -1 if the record has none).
 */
public record TopicEvent(String entityId, String id, String type, long sequence) {
}
