package org.banksuite.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services of the suite that consume events, and the topics each reads. A reconstitution job may replay a
 * producer's events only to a receiver that reads the producer's topic.
 */
public final class Receivers {

    public static final String ACCOUNTS_SERVICE = "accounts-service";
    public static final String TRANSFERS_SERVICE = "transfers-service";
    public static final String PARTNER_BANK_ADAPTER = "partner-bank-adapter";

    private static final Map<String, Set<String>> TOPICS = Map.of(
            ACCOUNTS_SERVICE, Set.of(Topics.TRANSFERS_EVENTS, Topics.PARTNER_BANK_EVENTS),
            TRANSFERS_SERVICE, Set.of(Topics.ACCOUNTS_EVENTS, Topics.PARTNER_BANK_EVENTS),
            PARTNER_BANK_ADAPTER, Set.of(Topics.ACCOUNTS_EVENTS, Topics.TRANSFERS_EVENTS));

    private Receivers() {
    }

    /** Every consuming service, sorted. */
    public static Set<String> all() {
        return new TreeSet<>(TOPICS.keySet());
    }

    /** The live topics {@code receiver} reads; empty if it is no consuming service of the suite. */
    public static Optional<Set<String>> topicsOf(String receiver) {
        return Optional.ofNullable(TOPICS.get(receiver));
    }
}
