package org.banksuite.console.story.client;

import java.util.List;

/**
 * What reading one topic for a story gave.
 *
 * @param topic       the topic, without a test prefix
 * @param partitions  how many of its partitions were read
 * @param records     records read (those of other entities included)
 * @param events      the records that belong to the entity
 * @param complete    whether every partition read was read to its end offset at the time of the request (false
 *                    when the bound on records or time stopped it first)
 * @param unavailable why the topic could not be read (broker unreachable, not authorized), null when it was read
 */
public record TopicReading(String topic, int partitions, long records, List<StoryEvent> events, boolean complete,
                           String unavailable) {

    public TopicReading {
        events = List.copyOf(events);
    }

    static TopicReading unavailable(String topic, String why) {
        return new TopicReading(topic, 0, 0, List.of(), false, why);
    }

    /** Whether the topic answered. */
    public boolean available() {
        return unavailable == null;
    }
}
