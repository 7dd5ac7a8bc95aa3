package org.banksuite.accounts.account.web;

/** A valid caller asks for something its identity may not do (403 {@code forbidden}); the message says what. */
class ForbiddenException extends RuntimeException {

    ForbiddenException(String message) {
        super(message);
    }
}
