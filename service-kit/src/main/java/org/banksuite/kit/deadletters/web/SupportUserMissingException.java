package org.banksuite.kit.deadletters.web;

/** A writing operation without a (non-blank) {@code X-Support-User}: the audit log must say who did it. */
public class SupportUserMissingException extends RuntimeException {

    public SupportUserMissingException() {
        super("Retries and evictions need an X-Support-User header naming who does them");
    }
}
