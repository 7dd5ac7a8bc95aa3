package org.banksuite.accounts.account.domain;

/** The account's current state does not allow the request (closing an account with money on it, say). */
public class AccountStateConflictException extends RuntimeException {

    public AccountStateConflictException(String message) {
        super(message);
    }
}
