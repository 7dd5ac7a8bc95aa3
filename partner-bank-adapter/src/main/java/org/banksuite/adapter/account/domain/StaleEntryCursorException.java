package org.banksuite.adapter.account.domain;

/** A page of entries fetched from a cursor that is no longer the account's: someone applied it (or more) before. */
public class StaleEntryCursorException extends RuntimeException {

    private final String currentCursor;

    public StaleEntryCursorException(String accountId, String fromCursor, String currentCursor) {
        super("entries of account " + accountId + " were fetched after " + fromCursor + ", but its cursor is now "
                + currentCursor);
        this.currentCursor = currentCursor;
    }

    /** The cursor the account's entries continue from (null: none taken yet). */
    public String currentCursor() {
        return currentCursor;
    }
}
