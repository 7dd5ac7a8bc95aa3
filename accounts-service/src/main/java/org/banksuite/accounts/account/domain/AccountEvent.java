package org.banksuite.accounts.account.domain;

import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * What happened to an {@link Account}: the aggregate's own events, stored in its event store. Each has an
 * integration counterpart on {@code accounts.events}; the two evolve separately.
 */
public sealed interface AccountEvent {

    String accountId();

    /**
     * The id under which a request event ({@link RecordTypeChangeRequested}, {@link AccountClosureRequested}) is
     * published and answered: its sequence number in the account's stream, in decimal. Derived, never stored, so
     * requests stored before requests had ids get the same id on every publication and replay, and a later request
     * of the account always has a larger id.
     */
    static String requestId(long sequenceNumber) {
        return Long.toString(sequenceNumber);
    }

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

    /**
     * A reservation was settled without a posting. {@code amount} is the hold lifted; zero when nothing was held
     * (the transfer was rejected or booked before its reservation request reached the account), which settles the
     * reservation all the same, so that a late or replayed request for it never places a hold.
     */
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
