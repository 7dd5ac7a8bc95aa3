package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/** A hold was lifted without booking, making the funds available again; balances and reconciliation jobs react. */
public record ReservationReleased(String accountId, String reservationId, Amount amount, Instant releasedAt)
        implements IntegrationEvent {

    public ReservationReleased {
        requireNonNull(accountId, "accountId");
        requireNonNull(reservationId, "reservationId");
        requireNonNull(amount, "amount");
        requireNonNull(releasedAt, "releasedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
