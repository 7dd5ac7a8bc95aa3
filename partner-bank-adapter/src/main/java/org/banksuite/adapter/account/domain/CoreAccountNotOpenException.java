package org.banksuite.adapter.account.domain;

/** Entries were offered for an account that has no number at the core. */
public class CoreAccountNotOpenException extends RuntimeException {

    public CoreAccountNotOpenException(String accountId, CoreAccountStatus status) {
        super("account " + accountId + " is " + status + " at the core");
    }
}
