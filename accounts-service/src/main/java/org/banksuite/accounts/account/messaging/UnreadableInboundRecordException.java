package org.banksuite.accounts.account.messaging;

/** Raised for an {@link UnreadableInboundRecord}, so that the record goes to the dead-letter queue. */
class UnreadableInboundRecordException extends RuntimeException {

    UnreadableInboundRecordException(UnreadableInboundRecord record) {
        super("Unreadable record " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                + record.reason());
    }
}
