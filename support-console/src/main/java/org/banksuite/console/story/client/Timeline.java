package org.banksuite.console.story.client;

import java.util.List;
import java.util.Set;

/**
 * An entity's events across the topics, on one time line.
 *
 * @param entityId the account or transfer id asked for
 * @param kind     what the topics say it is
 * @param events   its events, oldest first, each {@code ce_id} once
 * @param accounts for a transfer, the suite accounts it names (debtor, creditor); for an account, itself
 * @param readings what each topic gave (read, partial, unavailable)
 */
public record Timeline(String entityId, Kind kind, List<StoryEvent> events, Set<String> accounts,
                       List<TopicReading> readings) {

    public Timeline {
        events = List.copyOf(events);
        accounts = Set.copyOf(accounts);
        readings = List.copyOf(readings);
    }

    /** What an id turned out to be. */
    public enum Kind {
        /** Events keyed by it on {@code accounts.events}. */
        ACCOUNT,
        /** Events keyed by it on {@code transfers.events}. */
        TRANSFER,
        /** Neither: no event of it was found (or the topics could not be read). */
        UNKNOWN
    }
}
