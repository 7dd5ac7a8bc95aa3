package org.banksuite.launcher.demo;

/**
 * The events on one topic: distinct {@code ce_id}s (a record delivered twice counts once), all records, and the
 * events about the entities one run created.
 */
public record TopicCount(String topic, long events, long records, long aboutThisRun) {
}
