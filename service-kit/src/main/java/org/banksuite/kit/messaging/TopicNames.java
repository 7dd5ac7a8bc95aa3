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
    private final String application;

    public TopicNames(String prefix, String application) {
        this.prefix = prefix;
        this.application = application;
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

    /** Where reconstitution jobs replay events to {@code receiver}: {@code reconstitution.<receiver>}. */
    public String reconstitution(String receiver) {
        return prefix + Topics.reconstitution(receiver);
    }

    /** This service's own reconstitution topic, read by its inbound consumer. */
    public String ownReconstitution() {
        return reconstitution(application);
    }

    /**
     * Where records of {@code consumedTopic} that cannot be read are published: {@code <topic>.dlt}. The consumed topic
     * already carries the prefix.
     */
    public String deadLetterTopicOf(String consumedTopic) {
        return consumedTopic + ".dlt";
    }
}
