package org.banksuite.transfers.transfer.query;

/** A cursor of the transfers list that this service did not hand out. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String cursor) {
        super("'" + cursor + "' is not a cursor of this list");
    }
}
