package org.banksuite.events.partnerbank.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The core booked an entry on the account (an incoming payment, a card settlement, a fee, or one of the suite's
 * own transfers); accounts-service reacts by booking a posting.
 *
 * @param entryId    the core's id of the entry
 * @param amount     signed: negative for a debit, positive for a credit
 * @param transferId nullable: the entry's payment key, set when a payment booked it (one of the suite's own transfers,
 *                   whose id is the key, or a payment another channel booked at the core under its own key)
 */
public record CorePostingEntryBooked(String accountId, String entryId, Amount amount, String text, String transferId,
                                     Instant bookedAt) implements IntegrationEvent {

    public CorePostingEntryBooked {
        requireNonNull(accountId, "accountId");
        requireNonNull(entryId, "entryId");
        requireNonNull(amount, "amount");
        requireNonNull(text, "text");
        requireNonNull(bookedAt, "bookedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
