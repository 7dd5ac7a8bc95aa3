package org.banksuite.adapter.core;

import static java.util.Objects.requireNonNull;

/** An account's number at the core: the bank's registration number (4 digits) and the account number. */
public record CoreAccountNumber(String registrationNumber, String accountNumber) {

    public CoreAccountNumber {
        requireNonNull(registrationNumber, "registrationNumber");
        requireNonNull(accountNumber, "accountNumber");
    }
}
