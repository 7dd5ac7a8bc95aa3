package org.banksuite.events.transfers.v1;

import org.banksuite.events.BankAccountNumbers;

/**
 * Who receives a transfer, in exactly one of two forms: an account of the suite ({@code accountId}), or a
 * Danish core account ({@code registrationNumber} + {@code accountNumber}). The fields of the other form are null.
 */
public record Creditor(String accountId, String registrationNumber, String accountNumber) {

    public Creditor {
        boolean internal = accountId != null;
        boolean external = registrationNumber != null || accountNumber != null;
        if (internal == external) {
            throw new IllegalArgumentException(
                    "creditor needs either an accountId or a registrationNumber and accountNumber, not both or none");
        }
        if (external && (registrationNumber == null || accountNumber == null)) {
            throw new IllegalArgumentException("creditor needs both a registrationNumber and an accountNumber");
        }
        if (external) {
            BankAccountNumbers.requireRegistrationNumber(registrationNumber);
            BankAccountNumbers.requireAccountNumber(accountNumber);
        }
    }

    /** A creditor that is an account of the suite. */
    public static Creditor suiteAccount(String accountId) {
        return new Creditor(accountId, null, null);
    }

    /** A creditor that is an account at a Danish bank, known by registration and account number. */
    public static Creditor bankAccount(String registrationNumber, String accountNumber) {
        return new Creditor(null, registrationNumber, accountNumber);
    }
}
