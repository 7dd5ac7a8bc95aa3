package org.banksuite.accounts.config;

import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.accounts.account.domain.AccountEvent.*;
import org.banksuite.kit.axon.StoredEventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events the account aggregate stores, by their stable names. Each event is stored under
 * {@code accounts.<Event>} and a revision, never under its Java class name: one line per event; the start-up fails
 * naming any event of the families below that has none. Changing an event's fields raises its revision here (see
 * service-kit's README and {@code StoredEventsTest}).
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfig {

    @Bean
    static StoredEventTypes storedEventTypes() {
        return StoredEventTypes.builder()
                .everyEventOf(AccountEvent.class)
                .event(AccountOpened.class, "accounts.AccountOpened")
                .event(AccountActivated.class, "accounts.AccountActivated")
                .event(AccountOpeningRejected.class, "accounts.AccountOpeningRejected")
                .event(FundsReserved.class, "accounts.FundsReserved")
                .event(FundsReservationDeclined.class, "accounts.FundsReservationDeclined")
                .event(ReservationReleased.class, "accounts.ReservationReleased")
                .event(PostingBooked.class, "accounts.PostingBooked")
                .event(AccountBlocked.class, "accounts.AccountBlocked")
                .event(AccountUnblocked.class, "accounts.AccountUnblocked")
                .event(RecordTypeChangeRequested.class, "accounts.RecordTypeChangeRequested")
                .event(RecordTypeChanged.class, "accounts.RecordTypeChanged")
                .event(RecordTypeChangeRefused.class, "accounts.RecordTypeChangeRefused")
                .event(AccountClosureRequested.class, "accounts.AccountClosureRequested")
                .event(AccountClosed.class, "accounts.AccountClosed")
                .event(AccountClosureRefused.class, "accounts.AccountClosureRefused")
                .build();
    }
}
