package org.banksuite.transfers.transfer.domain;

import java.util.regex.Pattern;

/**
 * Who receives a transfer: either an account of the suite, named by its {@code accountId}, or an account at any
 * Danish bank, named by its registration number (exactly 4 digits) and account number (1 to 10 digits). Exactly one
 * of the two forms is given; the other's fields are null.
 */
public record Creditor(String accountId, String registrationNumber, String accountNumber) {

    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{4}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{1,10}");

    public Creditor {
        boolean suiteForm = accountId != null;
        boolean bankForm = registrationNumber != null || accountNumber != null;
        if (suiteForm == bankForm) {
            throw new IllegalArgumentException("a creditor is either a suite account (accountId) or a bank account"
                    + " (registrationNumber and accountNumber), exactly one of the two");
        }
        if (suiteForm && accountId.isBlank()) {
            throw new IllegalArgumentException("a creditor's accountId must not be blank");
        }
        if (bankForm && (registrationNumber == null || !REGISTRATION_NUMBER.matcher(registrationNumber).matches())) {
            throw new IllegalArgumentException("a registration number is exactly 4 digits, was '" + registrationNumber + "'");
        }
        if (bankForm && (accountNumber == null || !ACCOUNT_NUMBER.matcher(accountNumber).matches())) {
            throw new IllegalArgumentException("an account number is 1 to 10 digits, was '" + accountNumber + "'");
        }
    }

    /** An account kept by the suite. */
    public static Creditor suiteAccount(String accountId) {
        return new Creditor(accountId, null, null);
    }

    /** An account at a Danish bank, by registration number (4 digits) and account number (1 to 10 digits). */
    public static Creditor bankAccount(String registrationNumber, String accountNumber) {
        return new Creditor(null, registrationNumber, accountNumber);
    }

    public boolean isSuiteAccount() {
        return accountId != null;
    }
}
