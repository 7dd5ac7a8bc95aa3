package org.banksuite.transfers.transfer.domain;

/**
 * The transfer's current state contradicts the request: booking a transfer that was rejected, rejecting one the
 * core booked. Not retried: support has to look at the transfer and the core.
 */
public class TransferStateConflictException extends RuntimeException {

    public TransferStateConflictException(String message) {
        super(message);
    }
}
