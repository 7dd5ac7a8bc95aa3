package org.banksuite.proxy.quota.domain;

/** Limits that cannot be put in force; nothing changes. */
public class InvalidQuotaLimitsException extends RuntimeException {

    public InvalidQuotaLimitsException(String message) {
        super(message);
    }
}
