package org.banksuite.accounts.account.web;

import java.net.URI;

/** The stable problem types of the accounts API, as documented in its OpenAPI spec. Never rename one. */
final class ProblemTypes {

    static final URI MALFORMED_REQUEST = type("malformed-request");
    static final URI IDEMPOTENCY_KEY_MISSING = type("idempotency-key-missing");
    static final URI IDEMPOTENCY_KEY_REUSED = type("idempotency-key-reused");
    static final URI REQUEST_IN_PROGRESS = type("request-in-progress");
    static final URI INVALID_REQUEST = type("invalid-request");
    static final URI UNSUPPORTED_CURRENCY = type("unsupported-currency");
    static final URI ACCOUNT_NOT_FOUND = type("account-not-found");
    static final URI ACCOUNT_STATE_CONFLICT = type("account-state-conflict");

    private ProblemTypes() {
    }

    private static URI type(String name) {
        return URI.create("urn:banksuite:problem:" + name);
    }
}
