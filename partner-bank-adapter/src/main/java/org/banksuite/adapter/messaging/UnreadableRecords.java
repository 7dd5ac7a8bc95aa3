package org.banksuite.adapter.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.kit.inbox.UnreadableInboundRecord;
import org.banksuite.kit.inbox.UnreadableInboundRecordException;
import org.springframework.stereotype.Component;

/** A record that is no readable event goes to the dead-letter queue, holding back later events of its entity. */
@Component
@ProcessingGroup(Inbox.PROCESSING_GROUP)
class UnreadableRecords {

    @EventHandler
    void on(UnreadableInboundRecord record) {
        throw new UnreadableInboundRecordException(record);
    }
}
