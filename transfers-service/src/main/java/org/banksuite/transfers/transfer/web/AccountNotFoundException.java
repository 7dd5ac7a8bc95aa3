package org.banksuite.transfers.transfer.web;

/** A customer named an account that is not theirs, or one not known (yet): both answer 404 alike. */
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(String accountId) {
        super("No account " + accountId);
    }
}
