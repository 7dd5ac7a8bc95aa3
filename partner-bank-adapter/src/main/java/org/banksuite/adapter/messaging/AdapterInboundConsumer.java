package org.banksuite.adapter.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.banksuite.kit.inbox.InboundInbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads what the adapter acts on: accounts' events (openings, closures, record-type changes) and transfers' (the
 * payments). Its own reconstitution topic is read the same way: support's replays pass the same handlers. A record's offset is committed only once it is in the inbox.
 */
@Component
class AdapterInboundConsumer {

    private final InboundInbox inbox;

    AdapterInboundConsumer(InboundInbox inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(id = "adapter-inbound", idIsGroup = false,
            topics = {"#{@topicNames.accountsEvents()}", "#{@topicNames.transfersEvents()}",
                    "#{@topicNames.ownReconstitution()}"})
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record);
    }
}
