package org.banksuite.accounts.account.domain;

/**
 * A customer asked for a change of an account that is not theirs. The API answers it exactly as an unknown account
 * (404), so that a customer learns nothing of other customers' accounts (issue 13, object-level authorization).
 */
public class AccountNotOwnedException extends RuntimeException {

    public AccountNotOwnedException(String accountId) {
        super("No account " + accountId);
    }
}
