package org.banksuite.adapter.messaging;

import java.time.Instant;
import java.util.Optional;
import org.banksuite.adapter.account.domain.CoreAccountEvent;
import org.banksuite.adapter.payment.domain.PaymentEvent;
import org.banksuite.events.Amount;
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

/** Maps the adapter's events to their published versions on {@code partner-bank.events}; internal ones to none. */
final class PartnerBankIntegrationEvents {

    private PartnerBankIntegrationEvents() {
    }

    static Optional<IntegrationEvent> from(CoreAccountEvent event, Instant at) {
        String id = event.accountId();
        return Optional.ofNullable(switch (event) {
            case CoreAccountEvent.CoreAccountOpened e -> new CoreAccountOpened(id, e.number().registrationNumber(),
                    e.number().accountNumber(), at);
            case CoreAccountEvent.CoreAccountOpeningRefused e -> new CoreAccountOpeningRefused(id, e.reason(), at);
            case CoreAccountEvent.CoreAccountClosed e -> new CoreAccountClosed(id, at, requestId(e.requestId()));
            case CoreAccountEvent.CoreAccountClosureRefused e -> new CoreAccountClosureRefused(id, e.reason(), at,
                    requestId(e.requestId()));
            case CoreAccountEvent.CoreRecordTypeChanged e -> new CoreRecordTypeChanged(id, e.recordType(), at,
                    requestId(e.requestId()));
            case CoreAccountEvent.CoreRecordTypeChangeRefused e -> new CoreRecordTypeChangeRefused(id, e.recordType(),
                    e.reason(), at, requestId(e.requestId()));
            case CoreAccountEvent.CorePostingEntryFetched e -> new CorePostingEntryBooked(id, e.entryId(),
                    Amount.of(e.amount().amount(), e.amount().currency().name()), e.text(), e.transferId(),
                    e.bookedAt());
            case CoreAccountEvent.CoreAccountOpeningRequested e -> null;
            case CoreAccountEvent.CoreAccountClosureRequested e -> null;
            case CoreAccountEvent.CoreRecordTypeChangeRequested e -> null;
            case CoreAccountEvent.EntryCursorAdvanced e -> null;
        });
    }

    /** The answered request's id as accounts-service published it; none for answers stored before ids. */
    private static String requestId(Long requestId) {
        return requestId == null ? null : requestId.toString();
    }

    static Optional<IntegrationEvent> from(PaymentEvent event, Instant at) {
        String id = event.transferId();
        return Optional.ofNullable(switch (event) {
            case PaymentEvent.CorePaymentAccepted e -> new CorePaymentAccepted(id, e.coreReference(), at);
            case PaymentEvent.CorePaymentRejected e -> new CorePaymentRejected(id, e.reason(), at);
            case PaymentEvent.PaymentOrderRegistered e -> null;
            // stored just before the saga's first submission, and only from a registered payment: a payment that
            // is resolved without ever being submitted is never reported submitted
            case PaymentEvent.PaymentSubmissionStarted e -> new CorePaymentSubmitted(id, at);
            case PaymentEvent.PaymentResolutionStarted e -> null;
            case PaymentEvent.CorePaymentNotSubmitted e -> new CorePaymentNotSubmitted(id, e.reason(), at);
        });
    }
}
