package org.banksuite.adapter.operationlog;

/** What one call to the core meant. */
public enum AttemptOutcome {
    /** A final answer. */
    SUCCEEDED,
    /** A final refusal (4xx). */
    REFUSED,
    /** A status query that found nothing: the payment was never booked. */
    NOT_FOUND,
    /** 429 or 503: not served now. */
    RETRY_LATER,
    /** No answer, 502 or 504: the outcome at the core is unknown. */
    UNKNOWN
}
