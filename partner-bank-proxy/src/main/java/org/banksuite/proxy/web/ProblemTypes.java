package org.banksuite.proxy.web;

import java.net.URI;

/** The stable problem types the proxy answers with (see partner-proxy-v1.yaml). */
final class ProblemTypes {

    static final URI MALFORMED_REQUEST = of("malformed-request");
    static final URI IDEMPOTENCY_KEY_MISSING = of("idempotency-key-missing");
    static final URI INVALID_REQUEST = of("invalid-request");
    static final URI QUOTA_EXHAUSTED = of("proxy-quota-exhausted");
    static final URI LANE_FULL = of("proxy-lane-full");
    static final URI PROXY_UNAVAILABLE = of("proxy-unavailable");
    static final URI CORE_UNAVAILABLE = of("core-unavailable");
    static final URI CORE_ERROR = of("core-error");
    static final URI CORE_TIMEOUT = of("core-timeout");
    static final URI CORE_BAD_RESPONSE = of("core-bad-response");
    static final URI CORE_QUOTA_EXCEEDED = of("core-quota-exceeded");

    private ProblemTypes() {
    }

    /** The same types as service-kit's {@code StatusProblems}, for the statuses Spring MVC answers by itself. */
    static URI statusType(int status) {
        return of(switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            case 503 -> "service-unavailable";
            default -> "http-" + status;
        });
    }

    private static URI of(String name) {
        return URI.create("urn:banksuite:problem:" + name);
    }
}
