package org.banksuite.transfers.transfer.domain;

/**
 * A request for a transfer that the suite refuses before anything happens: a currency other than DKK, a past
 * execution date, the debtor's own account as creditor, a missing or over-long text.
 */
public class TransferRefusedException extends IllegalArgumentException {

    public TransferRefusedException(String message) {
        super(message);
    }
}
