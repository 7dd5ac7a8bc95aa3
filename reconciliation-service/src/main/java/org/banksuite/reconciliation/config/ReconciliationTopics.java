package org.banksuite.reconciliation.config;

import java.util.List;

import org.banksuite.events.Topics;

/**
 * The topics the job reads and writes, behind an optional prefix ({@code suite.topics.prefix}) that lets test
 * classes share one broker; empty in production.
 */
public record ReconciliationTopics(String prefix) {

    /** The bean name, for SpEL in {@code @KafkaListener}. */
    public static final String BEAN = "reconciliationTopics";

    /** The three live topics the job reconciles. */
    public List<String> consumed() {
        return List.of(prefix + Topics.ACCOUNTS_EVENTS, prefix + Topics.TRANSFERS_EVENTS,
                prefix + Topics.PARTNER_BANK_EVENTS);
    }

    public String reconciliationEvents() {
        return prefix + Topics.RECONCILIATION_EVENTS;
    }

    /** The contract name of a consumed topic. */
    public String unprefixed(String topic) {
        return topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic;
    }
}
