package org.banksuite.adapter.config;

import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.account.domain.CoreAccountEvent.*;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.adapter.payment.domain.PaymentEvent.*;
import org.banksuite.kit.axon.OptionalFieldAdded;
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
                .event(CoreAccountClosureRequested.class, "partner-bank.CoreAccountClosureRequested", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreAccountClosureRequested", "1", "2")) // requestId
                .event(CoreAccountClosed.class, "partner-bank.CoreAccountClosed", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreAccountClosed", "1", "2")) // requestId
                .event(CoreAccountClosureRefused.class, "partner-bank.CoreAccountClosureRefused", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreAccountClosureRefused", "1", "2")) // requestId
                .event(CoreRecordTypeChangeRequested.class, "partner-bank.CoreRecordTypeChangeRequested", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreRecordTypeChangeRequested", "1", "2")) // requestId
                .event(CoreRecordTypeChanged.class, "partner-bank.CoreRecordTypeChanged", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreRecordTypeChanged", "1", "2")) // requestId
                .event(CoreRecordTypeChangeRefused.class, "partner-bank.CoreRecordTypeChangeRefused", "2")
                .upcaster(new OptionalFieldAdded("partner-bank.CoreRecordTypeChangeRefused", "1", "2")) // requestId
                .event(CorePostingEntryFetched.class, "partner-bank.CorePostingEntryFetched")
                .event(EntryCursorAdvanced.class, "partner-bank.EntryCursorAdvanced")
                .everyEventOf(PaymentEvent.class)
                .event(PaymentOrderRegistered.class, "partner-bank.PaymentOrderRegistered")
                .event(PaymentSubmissionStarted.class, "partner-bank.PaymentSubmissionStarted")
                .event(CorePaymentAccepted.class, "partner-bank.CorePaymentAccepted")
                .event(CorePaymentRejected.class, "partner-bank.CorePaymentRejected")
                .event(PaymentResolutionStarted.class, "partner-bank.PaymentResolutionStarted")
                .event(CorePaymentNotSubmitted.class, "partner-bank.CorePaymentNotSubmitted")
                .build();
    }
}
