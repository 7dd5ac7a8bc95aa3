package org.banksuite.accounts.account.web;

class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used before with a different request body");
    }
}
