package org.banksuite.adapter.config;

import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.account.domain.CoreAccountEvent.*;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.adapter.payment.domain.PaymentEvent.*;
import org.banksuite.kit.axon.StoredEventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The events the core account and core payment aggregates store, by their stable names. Each event is stored under
 * {@code partner-bank.<Event>} and a revision, never under its Java class name: one line per event; the start-up
 * fails naming any event of the families below that has none. Changing an event's fields raises its revision here
 * (see service-kit's README and {@code StoredEventsTest}).
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfig {

    @Bean
    static StoredEventTypes storedEventTypes() {
        return StoredEventTypes.builder()
                .everyEventOf(CoreAccountEvent.class)
                .event(CoreAccountOpeningRequested.class, "partner-bank.CoreAccountOpeningRequested")
                .event(CoreAccountOpened.class, "partner-bank.CoreAccountOpened")
                .event(CoreAccountOpeningRefused.class, "partner-bank.CoreAccountOpeningRefused")
                .event(CoreAccountClosureRequested.class, "partner-bank.CoreAccountClosureRequested")
                .event(CoreAccountClosed.class, "partner-bank.CoreAccountClosed")
                .event(CoreAccountClosureRefused.class, "partner-bank.CoreAccountClosureRefused")
                .event(CoreRecordTypeChangeRequested.class, "partner-bank.CoreRecordTypeChangeRequested")
                .event(CoreRecordTypeChanged.class, "partner-bank.CoreRecordTypeChanged")
                .event(CoreRecordTypeChangeRefused.class, "partner-bank.CoreRecordTypeChangeRefused")
                .event(CorePostingEntryFetched.class, "partner-bank.CorePostingEntryFetched")
                .event(EntryCursorAdvanced.class, "partner-bank.EntryCursorAdvanced")
                .everyEventOf(PaymentEvent.class)
                .event(PaymentOrderRegistered.class, "partner-bank.PaymentOrderRegistered")
                .event(PaymentSubmissionStarted.class, "partner-bank.PaymentSubmissionStarted")
                .event(CorePaymentAccepted.class, "partner-bank.CorePaymentAccepted")
                .event(CorePaymentRejected.class, "partner-bank.CorePaymentRejected")
                .build();
    }
}
