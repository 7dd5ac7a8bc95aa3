package org.banksuite.transfers.transfer.query;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.transfers.transfer.domain.Creditor;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferRequested;
import org.banksuite.transfers.transfer.domain.TransferEvent.TransferScheduled;
import org.banksuite.transfers.transfer.domain.TransferStatus;
import org.banksuite.money.Money;
import org.springframework.stereotype.Component;

/**
 * A transfer the service accepted, as its request made it, read from the event store (not the view): for the moments
 * before the view has it, so that an accepted transfer never reads as unknown (issue 15). Reads only the stream's
 * first event (from sequence 0, so no snapshot stands in for it).
 */
@Component
public class TransferRequests {

    private final EventStore events;

    public TransferRequests(EventStore events) {
        this.events = events;
    }

    /**
     * The transfer as requested: {@code REQUESTED} or {@code SCHEDULED} (its first event), version 0, requested at
     * that event's time; empty when the event store has no such transfer.
     */
    public Optional<TransferView> asRequested(String transferId) {
        DomainEventStream stream = events.readEvents(transferId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return switch (first.getPayload()) {
            case TransferRequested requested -> Optional.of(view(transferId, TransferStatus.REQUESTED,
                    requested.debtorAccountId(), requested.creditor(), requested.amount(), requested.debtorText(),
                    requested.creditorText(), requested.executionDate(), first));
            case TransferScheduled scheduled -> Optional.of(view(transferId, TransferStatus.SCHEDULED,
                    scheduled.debtorAccountId(), scheduled.creditor(), scheduled.amount(), scheduled.debtorText(),
                    scheduled.creditorText(), scheduled.executionDate(), first));
            default -> Optional.empty();
        };
    }

    private static TransferView view(String transferId, TransferStatus status, String debtorAccountId,
                                     Creditor creditor, Money amount, String debtorText, String creditorText,
                                     java.time.LocalDate executionDate, DomainEventMessage<?> first) {
        Instant at = first.getTimestamp();
        return new TransferView(transferId, status.name(), debtorAccountId, creditor.accountId(),
                creditor.registrationNumber(), creditor.accountNumber(), amount.amount(), amount.currency().name(),
                debtorText, creditorText, executionDate, null, null, null, at, first.getSequenceNumber());
    }
}
