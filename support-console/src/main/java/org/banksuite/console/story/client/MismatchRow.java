package org.banksuite.console.story.client;

/**
 * One open mismatch of reconciliation-service ({@code GET /v1/mismatches}), as text.
 *
 * @param mismatchId  its id
 * @param kind        e.g. {@code STUCK_TRANSFER}
 * @param accountId   the account it is about
 * @param reference   the posting, reservation or transfer it names, or {@code balance}
 * @param coreAmount  the core's amount ({@code 12.50 DKK}), empty if none
 * @param suiteAmount the suite's amount, empty if none
 * @param detectedAt  when it was detected (ISO-8601)
 */
public record MismatchRow(String mismatchId, String kind, String accountId, String reference, String coreAmount,
                          String suiteAmount, String detectedAt) {
}
