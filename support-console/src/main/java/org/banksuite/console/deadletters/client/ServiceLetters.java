package org.banksuite.console.deadletters.client;

import java.util.List;

/**
 * What one service answered to the list: its letters, or why it could not be listed.
 *
 * @param service     the service's name
 * @param rows        its sequences that pass the filters (empty when unavailable)
 * @param unavailable why it could not be listed (it does not answer, or refused), null when it answered
 */
public record ServiceLetters(String service, List<LetterRow> rows, String unavailable) {

    public ServiceLetters {
        rows = List.copyOf(rows);
    }

    /** Whether the service answered the list (its rows are then complete for the filters). */
    public boolean available() {
        return unavailable == null;
    }
}
