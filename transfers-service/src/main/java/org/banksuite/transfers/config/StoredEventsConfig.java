package org.banksuite.transfers.config;

import org.banksuite.transfers.transfer.domain.TransferEvent;
import org.banksuite.transfers.transfer.domain.TransferEvent.*;
import org.banksuite.kit.axon.StoredEventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events the transfer aggregate stores, by their stable names. Each event is stored under
 * {@code transfers.<Event>} and a revision, never under its Java class name: one line per event; the start-up fails
 * naming any event of the families below that has none. Changing an event's fields raises its revision here (see
 * service-kit's README and {@code StoredEventsTest}).
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfig {

    @Bean
    static StoredEventTypes storedEventTypes() {
        return StoredEventTypes.builder()
                .everyEventOf(TransferEvent.class)
                .event(TransferScheduled.class, "transfers.TransferScheduled")
                .event(TransferRequested.class, "transfers.TransferRequested")
                .event(TransferFundsReserved.class, "transfers.TransferFundsReserved")
                .event(TransferSubmitted.class, "transfers.TransferSubmitted")
                .event(TransferBooked.class, "transfers.TransferBooked")
                .event(TransferRejected.class, "transfers.TransferRejected")
                .event(TransferCoreAnswerOverdue.class, "transfers.TransferCoreAnswerOverdue")
                .event(TransferResolutionRequested.class, "transfers.TransferResolutionRequested")
                .build();
    }
}
