package org.banksuite.transfers.transfer.messaging;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.kit.reconstitution.Producer;
import org.banksuite.kit.reconstitution.ReplayableEvents;
import org.banksuite.transfers.transfer.domain.Transfer;
import org.banksuite.transfers.transfer.domain.TransferEvent;
import org.springframework.stereotype.Component;

/** Transfers' events as reconstitution jobs replay them: as {@link TransferEventPublisher} published them. */
@Component
class TransferReplayableEvents implements ReplayableEvents {

    @Override
    public Producer producer() {
        return new Producer("transfers", "transfer");
    }

    @Override
    public String aggregateType() {
        return Transfer.class.getSimpleName();
    }

    @Override
    public List<Class<? extends IntegrationEvent>> publishedTypes() {
        return ReplayableEvents.catalogedOn(Topics.TRANSFERS_EVENTS);
    }

    @Override
    public Optional<PublishedEvent> published(DomainEventMessage<?> stored) {
        return stored.getPayload() instanceof TransferEvent event
                ? Optional.of(new PublishedEvent(TransferIntegrationEvents.from(event, stored.getTimestamp()),
                        stored.getSequenceNumber()))
                : Optional.empty();
    }
}
