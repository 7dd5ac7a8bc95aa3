package org.banksuite.reconciliation.ledger.web;

import java.util.UUID;

/** The job has read no event of this account. */
class AccountNotSeenException extends RuntimeException {

    AccountNotSeenException(UUID accountId) {
        super("No event of account " + accountId + " has been reconciled");
    }
}
