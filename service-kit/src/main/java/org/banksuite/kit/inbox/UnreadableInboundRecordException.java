package org.banksuite.kit.inbox;

/** Raised for an {@link UnreadableInboundRecord}, so that the record goes to the dead-letter queue. */
public class UnreadableInboundRecordException extends RuntimeException {

    public UnreadableInboundRecordException(UnreadableInboundRecord record) {
        super("Unreadable record " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                + record.reason());
    }
}
