package org.banksuite.baseline.transfer;

/** The debtor's balance is below the amount: nothing was moved. */
public class InsufficientFundsException extends RuntimeException {

    public InsufficientFundsException(String debtor) {
        super("insufficient funds on " + debtor);
    }
}
