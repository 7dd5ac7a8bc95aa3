package org.banksuite.accounts.config;

import org.banksuite.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The topic names this service uses: the contract names from {@link Topics}, behind an optional prefix
 * ({@code suite.topics.prefix}) that lets several test classes share one broker. Empty in production.
 */
@Component("topicNames")
public class TopicNames {

    private final String prefix;

    TopicNames(@Value("${suite.topics.prefix:}") String prefix) {
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
}
