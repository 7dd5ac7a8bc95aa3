package org.banksuite.transfers.transfer.messaging;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.kit.inbox.InboundInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the foreign events transfers-service reacts to: accounts' (the replica of account facts, reservations) and
 * the partner bank's (the core's answers). Its own reconstitution topic is read the same way: support's
 * replays pass the same handlers. The records of a poll are stored in the inbox together; their offsets are committed
 * only once they are all in it, and a record that could not be stored yet is retried with back-off, never skipped.
 */
@Component
class TransfersInboundConsumer {

    private final InboundInbox inbox;

    TransfersInboundConsumer(InboundInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "transfers-inbound", idIsGroup = false,
            topics = {"#{@topicNames.accountsEvents()}", "#{@topicNames.partnerBankEvents()}",
                    "#{@topicNames.ownReconstitution()}"}, batch = "true")
    void receive(List<ConsumerRecord<String, byte[]>> records) {
        inbox.acceptAll(records);
    }
}
