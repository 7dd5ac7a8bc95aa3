package org.banksuite.kit.messaging;

import org.banksuite.events.Topics;

/**
 * The topic names this service uses: the contract names from {@link Topics}, behind an optional prefix
 * ({@code suite.topics.prefix}) that lets several test classes share one broker. Empty in production.
 */
public class TopicNames {

    /** The bean name, for SpEL in {@code @KafkaListener(topics = "#{@topicNames.accountsEvents()}")}. */
    public static final String BEAN = "topicNames";

    private final String prefix;

    public TopicNames(String prefix) {
        this.prefix = prefix;
    }

    public String accountsEvents() {
        return prefix + Topics.ACCOUNTS_EVENTS;
    }

    public String partnerBankEvents() {
        return prefix + Topics.PARTNER_BANK_EVENTS;
    }

    public String transfersEvents() {
        return prefix + Topics.TRANSFERS_EVENTS;
    }

    /**
     * Where records of {@code consumedTopic} that cannot be read are published: {@code <topic>.dlt}. The consumed topic
     * already carries the prefix.
     */
    public String deadLetterTopicOf(String consumedTopic) {
        return consumedTopic + ".dlt";
    }
}
