package org.banksuite.kit.query;

/** A postings cursor that this service did not hand out. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException(String cursor) {
        super("'" + cursor + "' is not a cursor of this list");
    }
}
