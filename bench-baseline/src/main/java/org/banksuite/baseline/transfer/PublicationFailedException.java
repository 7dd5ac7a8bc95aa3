package org.banksuite.baseline.transfer;

/** The transfer is committed but the broker did not acknowledge its record (the naive design's dual-write gap). */
public class PublicationFailedException extends RuntimeException {

    public PublicationFailedException(TransferBooked booked, Throwable cause) {
        super("transfer " + booked.transferId() + " booked but not published", cause);
    }
}
