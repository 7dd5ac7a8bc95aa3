package org.banksuite.proxy.quota;

/** Limits that cannot be put in force; nothing changes. */
public class InvalidQuotaLimitsException extends RuntimeException {

    public InvalidQuotaLimitsException(String message) {
        super(message);
    }
}
