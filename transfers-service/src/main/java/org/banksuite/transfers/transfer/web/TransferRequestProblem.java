package org.banksuite.transfers.transfer.web;

import java.net.URI;
import org.banksuite.kit.web.SuiteProblemHandler;

/**
 * Why the transfers API refuses a transfer's content (422), in the order of the API spec's table: the checks run in
 * this order and the first that fails answers. The types are part of the API contract: never rename one.
 */
enum TransferRequestProblem {

    /** Zero, negative, not a number, or more than two decimals. */
    INVALID_AMOUNT("invalid-amount", "Invalid amount"),
    /** A currency other than DKK. */
    UNSUPPORTED_CURRENCY("unsupported-currency", "Unsupported currency"),
    /** Not exactly one form, or a registration number or account number that is not one. */
    INVALID_CREDITOR("invalid-creditor", "Invalid creditor"),
    SAME_DEBTOR_AND_CREDITOR("same-debtor-and-creditor", "Creditor is the debtor account"),
    /** Before today in Danish time. */
    EXECUTION_DATE_IN_PAST("execution-date-in-past", "Execution date has passed"),
    /** Not in the account replica (yet): retrying a moment later may help. */
    DEBTOR_ACCOUNT_UNKNOWN("debtor-account-unknown", "Debtor account unknown"),
    DEBTOR_ACCOUNT_NOT_ACTIVE("debtor-account-not-active", "Debtor account not active"),
    /** Held in SEK or NOK. */
    DEBTOR_ACCOUNT_CURRENCY_NOT_ALLOWED("debtor-account-currency-not-allowed", "Debtor account currency not allowed"),
    /** Held in EUR, or any other currency that is not DKK. */
    DEBTOR_ACCOUNT_CURRENCY_MISMATCH("debtor-account-currency-mismatch", "Debtor account currency mismatch");

    private final URI type;
    private final String title;

    TransferRequestProblem(String name, String title) {
        this.type = SuiteProblemHandler.problemType(name);
        this.title = title;
    }

    URI type() {
        return type;
    }

    String title() {
        return title;
    }
}
