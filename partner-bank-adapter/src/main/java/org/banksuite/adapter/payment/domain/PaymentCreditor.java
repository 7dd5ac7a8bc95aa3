package org.banksuite.adapter.payment.domain;

import org.banksuite.adapter.core.CoreAccountNumber;

/**
 * Who receives a payment: an account of the suite ({@code accountId}, whose core number the adapter looks up when it
 * submits), or an account at any Danish bank ({@code number}). Exactly one is set.
 */
public record PaymentCreditor(String accountId, CoreAccountNumber number) {

    public PaymentCreditor {
        if ((accountId == null) == (number == null)) {
            throw new IllegalArgumentException("a creditor is either a suite account or a core account number");
        }
    }

    public static PaymentCreditor suiteAccount(String accountId) {
        return new PaymentCreditor(accountId, null);
    }

    public static PaymentCreditor bankAccount(String registrationNumber, String accountNumber) {
        return new PaymentCreditor(null, new CoreAccountNumber(registrationNumber, accountNumber));
    }

    public boolean isSuiteAccount() {
        return accountId != null;
    }
}
