package org.banksuite.accounts.account.web;

class RequestInProgressException extends RuntimeException {

    RequestInProgressException() {
        super("The first request with this Idempotency-Key is still being processed");
    }
}
