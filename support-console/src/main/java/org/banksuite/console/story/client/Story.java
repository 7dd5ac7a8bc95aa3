package org.banksuite.console.story.client;

import java.util.List;

import org.banksuite.api.adapter.client.model.CoreOperationSummary;
import org.banksuite.console.deadletters.client.ServiceLetters;

/**
 * Everything the console knows of one account or transfer: the picture behind "where is my money?".
 *
 * @param timeline       its events across the four topics
 * @param coreOperations the adapter's operations of it, newest first
 * @param letters        each service's open dead letters of it
 * @param mismatches     the open mismatches of it (of an account; of a transfer: its accounts' that name it)
 * @param unavailable    each source that did not answer, in words (the rest still shows)
 */
public record Story(Timeline timeline, List<CoreOperationSummary> coreOperations, List<ServiceLetters> letters,
                    List<MismatchRow> mismatches, List<String> unavailable) {

    public Story {
        coreOperations = List.copyOf(coreOperations);
        letters = List.copyOf(letters);
        mismatches = List.copyOf(mismatches);
        unavailable = List.copyOf(unavailable);
    }
}
