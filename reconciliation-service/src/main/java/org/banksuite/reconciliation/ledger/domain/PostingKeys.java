package org.banksuite.reconciliation.ledger.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The key a core entry and the suite posting that books it share on an account.
 *
 * <p>accounts-service books a core entry that carries a payment key (the transfer id for the suite's own transfers)
 * under {@code <key>/debit} or {@code <key>/credit}, whether it books it from the transfer's {@code TransferBooked} or
 * from the core entry itself, and an entry without a key under {@code core:<entryId>}. So entries with a key match on
 * (account, key, sign) and entries without one on their entry id, whoever booked them.
 */
public final class PostingKeys {

    private PostingKeys() {
    }

    /**
     * The posting id the suite books {@code entryId} under.
     *
     * @param paymentKey nullable: the core's payment key of the entry
     * @param amount     signed: negative for a debit
     * @throws NullPointerException if {@code entryId} or {@code amount} is null
     */
    public static String ofCoreEntry(String entryId, String paymentKey, BigDecimal amount) {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(amount, "amount");
        if (paymentKey == null) {
            return "core:" + entryId;
        }
        return paymentKey + (amount.signum() < 0 ? "/debit" : "/credit");
    }
}
