package org.banksuite.adapter.account.web;

public class CoreAccountNotOpenForSyncException extends RuntimeException {

    public CoreAccountNotOpenForSyncException(String accountId) {
        super("Account " + accountId + " is not open at the core");
    }
}
