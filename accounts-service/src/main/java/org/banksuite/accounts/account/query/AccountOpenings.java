package org.banksuite.accounts.account.query;

import java.math.BigDecimal;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.banksuite.accounts.account.domain.AccountEvent.AccountOpened;
import org.banksuite.accounts.account.domain.AccountStatus;
import org.springframework.stereotype.Component;

/**
 * An account the service accepted, as its opening made it, read from the event store (not the view): for the moments
 * before the view has it, so that an accepted account never reads as unknown (issue 15). Reads only the stream's
 * first event (from sequence 0, so no snapshot stands in for it).
 */
@Component
public class AccountOpenings {

    private final EventStore events;

    AccountOpenings(EventStore events) {
        this.events = events;
    }

    /**
     * The account as opened: {@code PENDING_ACTIVATION}, zero balances, version 0, opened at its opening's time; empty
     * when the event store has no such account.
     */
    public Optional<AccountView> asOpened(String accountId) {
        DomainEventStream stream = events.readEvents(accountId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof AccountOpened opened)) {
            return Optional.empty();
        }
        return Optional.of(new AccountView(opened.accountId(), opened.customerId(), opened.currency().name(),
                opened.recordType().name(), AccountStatus.PENDING_ACTIVATION.name(), null, false, null, null,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, first.getTimestamp(), first.getSequenceNumber()));
    }
}
