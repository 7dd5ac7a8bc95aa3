package org.banksuite.accounts.account.web;

/** A customer id that is not the caller's: answered 404 {@code not-found}, so nothing about it is disclosed. */
class CustomerNotFoundException extends RuntimeException {

    CustomerNotFoundException() {
        super("No such customer");
    }
}
