package org.banksuite.transfers.account.query;

/**
 * An account of the suite as transfers-service knows it from accounts-service's events. {@code customerId} is the
 * owner named by its opening; {@code currency} is DKK, EUR, SEK or NOK; {@code status} is
 * {@code PENDING_ACTIVATION}, {@code ACTIVE}, {@code BLOCKED}, {@code CLOSED} or {@code REJECTED}.
 */
public record ReplicaAccount(String accountId, String customerId, String currency, String status) {

    public static final String ACTIVE = "ACTIVE";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
