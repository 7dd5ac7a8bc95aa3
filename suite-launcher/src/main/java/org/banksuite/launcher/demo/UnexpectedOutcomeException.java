package org.banksuite.launcher.demo;

/** A step of a scenario did not end as expected: the message says what was expected and what was seen. */
public class UnexpectedOutcomeException extends RuntimeException {

    public UnexpectedOutcomeException(String message) {
        super(message);
    }
}
