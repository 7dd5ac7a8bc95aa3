package org.banksuite.adapter.core;

import java.time.Duration;

/**
 * What one call to the core through the proxy came back with. Never an exception: every failure the network or the
 * proxy can produce is one of these, so a saga decides on each explicitly.
 */
public sealed interface CoreAnswer<T> {

    /** The core did it (or had done it before: every operation is keyed and safe to repeat). */
    record Done<T>(T value) implements CoreAnswer<T> {
    }

    /** The core said no for good (a 4xx problem): {@code reason} is its problem type and detail. */
    record Refused<T>(int status, String reason) implements CoreAnswer<T> {

        public boolean notFound() {
            return status == 404;
        }
    }

    /**
     * Not served now (429, or 503 from the proxy); try again {@code after} that long, as the proxy's Retry-After says
     * (null when it said nothing: then after the usual back-off).
     */
    record RetryLater<T>(Duration after, String why) implements CoreAnswer<T> {
    }

    /**
     * No answer that tells what happened (a timeout, a reset connection, 502 or 504): the core may or may not have
     * done it.
     */
    record Unknown<T>(String failure) implements CoreAnswer<T> {
    }
}
