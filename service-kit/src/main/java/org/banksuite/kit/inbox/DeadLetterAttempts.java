package org.banksuite.kit.inbox;

import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.EventMessage;

/**
 * How often a dead letter's handling failed, counted in the letter's diagnostics. A letter that waits behind another
 * one of its sequence was never tried: it has no count and no cause.
 */
public final class DeadLetterAttempts {

    static final String FAILED_ATTEMPTS = "failedAttempts";

    private DeadLetterAttempts() {
    }

    /** The letter's diagnostics with one more failed attempt: every failure, the first included, adds one. */
    public static MetaData countedOnce(DeadLetter<?> failed) {
        return failed.diagnostics().and(FAILED_ATTEMPTS, of(failed) + 1);
    }

    public static int of(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(FAILED_ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }
}
