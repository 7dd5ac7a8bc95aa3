package org.banksuite.console.deadletters.client;

/**
 * What a service answered to an action or a look-up, for the person to read at once.
 *
 * @param succeeded whether the service did it
 * @param message   the answer in words: what was done, or the refusal (a 403 as "not allowed", a service that does
 *                  not answer as "unavailable", a problem's title and detail)
 * @param value     the answer's body when it succeeded (a detail page's sequence), else null
 * @param <T>       the body's type
 */
public record OpsAnswer<T>(boolean succeeded, String message, T value) {

    /** A service did it: {@code message} says what. */
    public static <T> OpsAnswer<T> done(String message, T value) {
        return new OpsAnswer<>(true, message, value);
    }

    /** A service refused or could not be asked: {@code message} says why. */
    public static <T> OpsAnswer<T> refused(String message) {
        return new OpsAnswer<>(false, message, null);
    }
}
