package org.banksuite.adapter.account.domain;

/** A page of entries fetched from a cursor that is no longer the account's: someone applied it (or more) before. */
public class StaleEntryCursorException extends RuntimeException {

    public StaleEntryCursorException(String accountId, String fromCursor, String currentCursor) {
        super("entries of account " + accountId + " were fetched after " + fromCursor + ", but its cursor is now "
                + currentCursor);
    }
}
