package org.banksuite.proxy.core;

import org.springframework.http.HttpHeaders;

/** The core's own 4xx answer (a problem), passed to the caller unchanged and never retried. */
public class CoreRefusal extends RuntimeException {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    CoreRefusal(int status, HttpHeaders headers, byte[] body) {
        super("the core answered " + status);
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
