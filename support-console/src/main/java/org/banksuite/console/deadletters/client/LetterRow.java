package org.banksuite.console.deadletters.client;

import java.time.Duration;
import java.time.Instant;

/**
 * One dead-lettered sequence as the list shows it, from one service.
 *
 * @param service         the service's name in the console's configuration
 * @param processingGroup the processor whose queue holds it ({@code inbound}, {@code account-projection}, ...)
 * @param sequenceId      the entity the sequence belongs to
 * @param eventType       the first (failed) letter's type
 * @param cause           the failure's class and message, empty if the API gave none
 * @param attempts        failed attempts of the first letter
 * @param letters         letters waiting in the sequence, the failed one included
 * @param firstFailure    when it first failed
 */
public record LetterRow(String service, String processingGroup, String sequenceId, String eventType, String cause,
                        int attempts, long letters, Instant firstFailure) {

    /** How long it has been failing, at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(firstFailure, now);
    }
}
