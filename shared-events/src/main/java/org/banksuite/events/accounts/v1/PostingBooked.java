package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * A posting was booked on the account, moving its booked balance; BFFs, balances and reconciliation jobs react.
 *
 * @param amount         signed: negative for a debit, positive for a credit
 * @param reservationId  nullable: set when the posting captured a hold
 * @param bookedBalance  the booked balance right after this posting
 */
public record PostingBooked(String accountId, String postingId, Amount amount, String text, String reservationId,
                            Amount bookedBalance, Instant bookedAt) implements IntegrationEvent {

    public PostingBooked {
        requireNonNull(accountId, "accountId");
        requireNonNull(postingId, "postingId");
        requireNonNull(amount, "amount");
        requireNonNull(text, "text");
        requireNonNull(bookedBalance, "bookedBalance");
        requireNonNull(bookedAt, "bookedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
