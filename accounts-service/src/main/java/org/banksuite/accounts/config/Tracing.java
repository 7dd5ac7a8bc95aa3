package org.banksuite.accounts.config;

/** The W3C trace context key carried from requests and records into events' metadata. */
public final class Tracing {

    public static final String TRACEPARENT = "traceparent";

    private Tracing() {
    }
}
