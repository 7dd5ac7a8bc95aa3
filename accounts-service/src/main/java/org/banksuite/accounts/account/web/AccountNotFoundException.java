package org.banksuite.accounts.account.web;

class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(String accountId) {
        super("No account " + accountId);
    }
}
