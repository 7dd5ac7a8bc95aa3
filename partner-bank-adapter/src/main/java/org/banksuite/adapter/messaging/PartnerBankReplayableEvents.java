package org.banksuite.adapter.messaging;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.adapter.account.domain.CoreAccount;
import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.payment.domain.CorePayment;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CoreAccountOpeningRefused;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentNotSubmitted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChangeRefused;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.kit.reconstitution.Producer;
import org.banksuite.kit.reconstitution.ReplayableEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter's published events as reconstitution jobs replay them: {@code partner-bank/account} (the core's
 * account answers and entries) and {@code partner-bank/payment}. Each carries the {@code ce_sequence} it was, or
 * will be, published with; internal events are not replayed.
 */
@Configuration(proxyBeanMethods = false)
class PartnerBankReplayableEvents {

    @Bean
    ReplayableEvents coreAccountEvents(PublishedSequences sequences) {
        return new Published<>(new Producer("partner-bank", "account"), CoreAccount.class.getSimpleName(),
                List.of(CoreAccountOpened.class, CoreAccountOpeningRefused.class, CoreAccountClosed.class,
                        CoreAccountClosureRefused.class, CoreRecordTypeChanged.class,
                        CoreRecordTypeChangeRefused.class, CorePostingEntryBooked.class),
                CoreAccountEvent.class, PartnerBankIntegrationEvents::from, sequences);
    }

    @Bean
    ReplayableEvents corePaymentEvents(PublishedSequences sequences) {
        return new Published<>(new Producer("partner-bank", "payment"), CorePayment.class.getSimpleName(),
                List.of(CorePaymentSubmitted.class, CorePaymentAccepted.class, CorePaymentRejected.class,
                        CorePaymentNotSubmitted.class),
                PaymentEvent.class, PartnerBankIntegrationEvents::from, sequences);
    }

    private record Published<E>(Producer producer, String aggregateType,
                                List<Class<? extends IntegrationEvent>> publishedTypes, Class<E> eventType,
                                BiFunction<E, java.time.Instant, Optional<IntegrationEvent>> mapping,
                                PublishedSequences sequences) implements ReplayableEvents {

        @Override
        public Optional<PublishedEvent> published(DomainEventMessage<?> stored) {
            if (!eventType.isInstance(stored.getPayload())) {
                return Optional.empty();
            }
            return mapping.apply(eventType.cast(stored.getPayload()), stored.getTimestamp())
                    .map(event -> new PublishedEvent(event, sequences.of(stored.getIdentifier(), event.subject())));
        }
    }
}
