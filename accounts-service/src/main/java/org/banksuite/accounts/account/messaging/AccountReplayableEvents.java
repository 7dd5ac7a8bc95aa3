package org.banksuite.accounts.account.messaging;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.banksuite.accounts.account.domain.Account;
import org.banksuite.accounts.account.domain.AccountEvent;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.Topics;
import org.banksuite.kit.reconstitution.Producer;
import org.banksuite.kit.reconstitution.ReplayableEvents;
import org.springframework.stereotype.Component;

/** Accounts' events as reconstitution jobs replay them: as {@link AccountEventPublisher} published them. */
@Component
class AccountReplayableEvents implements ReplayableEvents {

    @Override
    public Producer producer() {
        return new Producer("accounts", "account");
    }

    @Override
    public String aggregateType() {
        return Account.class.getSimpleName();
    }

    @Override
    public List<Class<? extends IntegrationEvent>> publishedTypes() {
        return ReplayableEvents.catalogedOn(Topics.ACCOUNTS_EVENTS);
    }

    @Override
    public Optional<PublishedEvent> published(DomainEventMessage<?> stored) {
        return stored.getPayload() instanceof AccountEvent event
                ? Optional.of(new PublishedEvent(AccountIntegrationEvents.from(event, stored.getTimestamp(),
                        stored.getSequenceNumber()),
                        stored.getSequenceNumber()))
                : Optional.empty();
    }
}
