package org.banksuite.transfers.transfer.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.kit.inbox.InboundInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the foreign events transfers-service reacts to: accounts' (the replica of account facts, reservations) and
 * the partner bank's (the core's answers). Its own reconstitution topic is read the same way: support's replays pass the same handlers. A record's offset is committed only after it is in the inbox.
 */
@Component
class TransfersInboundConsumer {

    private final InboundInbox inbox;

    TransfersInboundConsumer(InboundInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "transfers-inbound", idIsGroup = false,
            topics = {"#{@topicNames.accountsEvents()}", "#{@topicNames.partnerBankEvents()}",
                    "#{@topicNames.ownReconstitution()}"})
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record);
    }
}
