package org.banksuite.proxy.quota.domain;

/** Who waits first when the quota is short: interactive work (payments, account operations) before batch work. */
public enum Lane {
    INTERACTIVE, BATCH
}
