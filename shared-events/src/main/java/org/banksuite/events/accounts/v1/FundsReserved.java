package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * Funds were put on hold on the account;
 * the transfers saga reacts (the reservation id is the transfer id when a transfer asked for it).
 */
public record FundsReserved(String accountId, String reservationId, Amount amount, Instant reservedAt)
        implements IntegrationEvent {

    public FundsReserved {
        requireNonNull(accountId, "accountId");
        requireNonNull(reservationId, "reservationId");
        requireNonNull(amount, "amount");
        requireNonNull(reservedAt, "reservedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
