package org.banksuite.accounts.account.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.kit.inbox.InboundInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the foreign events accounts-service reacts to. Its own reconstitution topic is read the same way: support's replays pass the same handlers. A record's offset is committed only after the record is
 * in the inbox; a failure to store it is retried with back-off, never skipped.
 */
@Component
class InboundConsumer {

    private final InboundInbox inbox;

    InboundConsumer(InboundInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "accounts-inbound", idIsGroup = false,
            topics = {"#{@topicNames.partnerBankEvents()}", "#{@topicNames.transfersEvents()}",
                    "#{@topicNames.ownReconstitution()}"})
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record);
    }
}
