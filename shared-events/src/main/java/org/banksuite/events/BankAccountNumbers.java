package org.banksuite.events;

import java.util.Objects;
import java.util.regex.Pattern;

/** Checks for Danish core account numbers: a 4-digit registration number and a 1–10 digit account number. */
public final class BankAccountNumbers {

    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{4}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{1,10}");

    private BankAccountNumbers() {
    }

    /** Returns {@code value} if it is exactly 4 digits, else throws {@link IllegalArgumentException}. */
    public static String requireRegistrationNumber(String value) {
        Objects.requireNonNull(value, "registrationNumber");
        if (!REGISTRATION_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("registrationNumber must be exactly 4 digits, got '" + value + "'");
        }
        return value;
    }

    /** Returns {@code value} if it is 1 to 10 digits, else throws {@link IllegalArgumentException}. */
    public static String requireAccountNumber(String value) {
        Objects.requireNonNull(value, "accountNumber");
        if (!ACCOUNT_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("accountNumber must be 1 to 10 digits, got '" + value + "'");
        }
        return value;
    }
}
