package org.banksuite.accounts.account.web;

import java.net.URI;
import org.banksuite.kit.web.SuiteProblemHandler;

/**
 * The accounts API's own problem types, as documented in its OpenAPI spec; the suite's common ones are
 * {@link SuiteProblemHandler}'s. Never rename one.
 */
final class ProblemTypes {

    static final URI UNSUPPORTED_CURRENCY = SuiteProblemHandler.problemType("unsupported-currency");
    static final URI ACCOUNT_NOT_FOUND = SuiteProblemHandler.problemType("account-not-found");
    static final URI ACCOUNT_STATE_CONFLICT = SuiteProblemHandler.problemType("account-state-conflict");
    /** The same types as the door's and the unknown path's: a refusal looks the same wherever it is decided. */
    static final URI FORBIDDEN = SuiteProblemHandler.problemType("forbidden");
    static final URI NOT_FOUND = SuiteProblemHandler.problemType("not-found");

    private ProblemTypes() {
    }
}
