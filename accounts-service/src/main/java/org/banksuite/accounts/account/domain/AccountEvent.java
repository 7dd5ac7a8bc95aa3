package org.banksuite.accounts.account.domain;

import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * What happened to an {@link Account}: the aggregate's own events, stored in its event store. Each has an
 * integration counterpart on {@code accounts.events}; the two evolve separately.
 */
public sealed interface AccountEvent {

    String accountId();

    record AccountOpened(String accountId, String customerId, Currency currency, RecordType recordType)
            implements AccountEvent {
    }

    record AccountActivated(String accountId, String registrationNumber, String accountNumber)
            implements AccountEvent {
    }

    record AccountOpeningRejected(String accountId, String reason) implements AccountEvent {
    }

    record FundsReserved(String accountId, String reservationId, Money amount) implements AccountEvent {
    }

    record FundsReservationDeclined(String accountId, String reservationId, Money amount, DeclineReason reason)
            implements AccountEvent {
    }

    record ReservationReleased(String accountId, String reservationId, Money amount) implements AccountEvent {
    }

    /**
     * A posting was booked. {@code capturedHold} is the reservation's amount when the posting captured one
     * (then {@code reservationId} names it), otherwise null. {@code bookedBalance} is the balance after it.
     */
    record PostingBooked(String accountId, String postingId, Money amount, String text, String reservationId,
                         Money capturedHold, Money bookedBalance) implements AccountEvent {
    }

    record AccountBlocked(String accountId, String reason) implements AccountEvent {
    }

    record AccountUnblocked(String accountId) implements AccountEvent {
    }

    record RecordTypeChangeRequested(String accountId, RecordType currentRecordType, RecordType requestedRecordType)
            implements AccountEvent {
    }

    record RecordTypeChanged(String accountId, RecordType recordType) implements AccountEvent {
    }

    record RecordTypeChangeRefused(String accountId, RecordType requestedRecordType, String reason)
            implements AccountEvent {
    }

    record AccountClosureRequested(String accountId) implements AccountEvent {
    }

    record AccountClosed(String accountId) implements AccountEvent {
    }

    record AccountClosureRefused(String accountId, String reason) implements AccountEvent {
    }
}
