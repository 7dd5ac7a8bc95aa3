package org.banksuite.events.accounts.v1;

import java.time.Instant;

import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;

import static java.util.Objects.requireNonNull;

/**
 * The account declined to put funds on hold; the transfers saga reacts by rejecting the transfer.
 * {@code reason} is one of {@link #INSUFFICIENT_FUNDS}, {@link #ACCOUNT_NOT_ACTIVE}, {@link #CURRENCY_MISMATCH}
 * (a string, so readers tolerate reasons added later).
 */
public record FundsReservationDeclined(String accountId, String reservationId, Amount amount, String reason,
                                       Instant declinedAt) implements IntegrationEvent {

    /** The available balance is lower than the amount. */
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    /** The account is not active (pending, blocked, closed or rejected). */
    public static final String ACCOUNT_NOT_ACTIVE = "ACCOUNT_NOT_ACTIVE";
    /** The amount's currency is not the account's currency. */
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

    public FundsReservationDeclined {
        requireNonNull(accountId, "accountId");
        requireNonNull(reservationId, "reservationId");
        requireNonNull(amount, "amount");
        requireNonNull(reason, "reason");
        requireNonNull(declinedAt, "declinedAt");
    }

    @Override
    public String subject() {
        return accountId;
    }
}
