package org.banksuite.accounts.account.query;

import java.math.BigDecimal;
import java.time.Instant;

/** One account as the query side holds it. {@code version} is the sequence number of the last event applied. */
public record AccountView(String accountId, String customerId, String currency, String recordType, String status,
                          String pendingRecordType, boolean closurePending, String rejectionReason,
                          String blockReason, BigDecimal bookedBalance, BigDecimal reservedBalance,
                          String registrationNumber, String accountNumber, Instant openedAt, long version) {

    public BigDecimal availableBalance() {
        return bookedBalance.subtract(reservedBalance);
    }
}
