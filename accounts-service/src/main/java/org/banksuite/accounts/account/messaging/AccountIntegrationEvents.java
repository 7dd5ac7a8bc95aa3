package org.banksuite.accounts.account.messaging;

import java.time.Instant;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.accounts.v1.*;
import org.banksuite.money.Money;

/** Maps the aggregate's own events to their published versions on {@code accounts.events}. */
final class AccountIntegrationEvents {

    private AccountIntegrationEvents() {
    }

    /**
     * The published version of {@code event}, stored at {@code at} as the account's event number {@code sequence};
     * a request is published under the id {@link AccountEvent#requestId(long)} derives from its sequence.
     */
    static IntegrationEvent from(AccountEvent event, Instant at, long sequence) {
        String id = event.accountId();
        return switch (event) {
            case AccountEvent.AccountOpened e -> new AccountOpened(id, e.customerId(), e.currency().name(),
                    e.recordType().name(), at);
            case AccountEvent.AccountActivated e -> new AccountActivated(id, e.registrationNumber(),
                    e.accountNumber(), at);
            case AccountEvent.AccountOpeningRejected e -> new AccountOpeningRejected(id, e.reason(), at);
            case AccountEvent.FundsReserved e -> new FundsReserved(id, e.reservationId(), amount(e.amount()), at);
            case AccountEvent.FundsReservationDeclined e -> new FundsReservationDeclined(id, e.reservationId(),
                    amount(e.amount()), e.reason().name(), at);
            case AccountEvent.ReservationReleased e -> new ReservationReleased(id, e.reservationId(),
                    amount(e.amount()), at);
            case AccountEvent.PostingBooked e -> new PostingBooked(id, e.postingId(), amount(e.amount()),
                    e.text() == null ? "" : e.text(), e.reservationId(), amount(e.bookedBalance()), at);
            case AccountEvent.AccountBlocked e -> new AccountBlocked(id, e.reason(), at);
            case AccountEvent.AccountUnblocked e -> new AccountUnblocked(id, at);
            case AccountEvent.RecordTypeChangeRequested e -> new RecordTypeChangeRequested(id,
                    e.currentRecordType().name(), e.requestedRecordType().name(), at, AccountEvent.requestId(sequence));
            case AccountEvent.RecordTypeChanged e -> new RecordTypeChanged(id, e.recordType().name(), at);
            case AccountEvent.RecordTypeChangeRefused e -> new RecordTypeChangeRefused(id,
                    e.requestedRecordType().name(), e.reason(), at);
            case AccountEvent.AccountClosureRequested e -> new AccountClosureRequested(id, at,
                    AccountEvent.requestId(sequence));
            case AccountEvent.AccountClosed e -> new AccountClosed(id, at);
            case AccountEvent.AccountClosureRefused e -> new AccountClosureRefused(id, e.reason(), at);
        };
    }

    private static Amount amount(Money money) {
        return Amount.of(money.amount(), money.currency().name());
    }
}
