package org.banksuite.bench.load;

import java.util.Objects;

/**
 * One transfer the load generator asks a {@link TransferTarget} to make.
 *
 * @param debtorAccountId   the account debited (an id the target knows)
 * @param creditorAccountId the account credited, never the debtor
 * @param amountMinor       the amount in minor units (100 = 1.00), positive
 * @param currency          ISO 4217 code, e.g. {@code DKK}
 * @param idempotencyKey    fresh for each order
 */
public record TransferOrder(String debtorAccountId, String creditorAccountId, long amountMinor, String currency,
        String idempotencyKey) {

    /** @throws IllegalArgumentException for a non-positive amount or a debtor that is also the creditor */
    public TransferOrder {
        Objects.requireNonNull(debtorAccountId, "debtorAccountId");
        Objects.requireNonNull(creditorAccountId, "creditorAccountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountMinor);
        }
        if (debtorAccountId.equals(creditorAccountId)) {
            throw new IllegalArgumentException("debtor and creditor are the same account: " + debtorAccountId);
        }
    }
}
