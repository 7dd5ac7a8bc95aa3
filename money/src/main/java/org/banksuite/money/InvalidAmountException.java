package org.banksuite.money;

/** An amount that cannot be valid for the operation: over-precise, zero where it must move money, mixed currencies. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}
