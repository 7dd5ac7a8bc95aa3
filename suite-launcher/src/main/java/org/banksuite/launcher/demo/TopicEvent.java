package org.banksuite.launcher.demo;

/** One record on a topic, as a consumer deduplicates it: the entity it is about (the key), its {@code ce_id} and type. */
public record TopicEvent(String entityId, String id, String type) {
}
