package org.banksuite.console.deadletters.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The list's filters; every one optional (null or blank: no filter). Entity and event type are the API's own
 * filters; service, cause text and age are applied by the console to what the APIs answer.
 *
 * @param service          only this service
 * @param entity           only the sequence of this entity id
 * @param eventType        only sequences whose failed letter has this type
 * @param cause            only causes whose class or message contains this text (case-insensitive)
 * @param olderThanMinutes only sequences failing for at least this many minutes
 */
public record LetterQuery(String service, String entity, String eventType, String cause, Integer olderThanMinutes) {

    /** No filter: every letter of every service. */
    public static LetterQuery none() {
        return new LetterQuery(null, null, null, null, null);
    }

    /** The filter's value, or null when it is blank. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    boolean includesService(String name) {
        return given(service) == null || given(service).equals(name);
    }

    boolean matches(LetterRow row, Instant now) {
        String causeText = given(cause);
        if (causeText != null && !row.cause().toLowerCase(Locale.ROOT).contains(causeText.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return olderThanMinutes == null || !row.age(now).minus(Duration.ofMinutes(olderThanMinutes)).isNegative();
    }
}
