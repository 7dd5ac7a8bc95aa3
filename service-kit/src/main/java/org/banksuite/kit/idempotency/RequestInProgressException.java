package org.banksuite.kit.idempotency;

public class RequestInProgressException extends RuntimeException {

    public RequestInProgressException() {
        super("The first request with this Idempotency-Key is still being processed");
    }
}
