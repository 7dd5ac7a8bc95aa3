package org.banksuite.adapter.account.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.events.accounts.v1.AccountClosureRequested;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.RecordTypeChangeRequested;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.money.Currency;
import org.springframework.stereotype.Component;

import static org.banksuite.adapter.account.domain.CoreAccountCommand.*;

/**
 * Turns accounts-service's requests into commands on core accounts. A command that fails sends its event to the
 * sequenced dead-letter queue (a closure of an account the adapter never opened, say), where later events of the
 * same account wait behind it. A replayed request reaches the core account with its {@code requestId}, which the core
 * account has handled before: it changes nothing, and no saga calls the core again.
 */
@Component
@ProcessingGroup(Inbox.PROCESSING_GROUP)
class AccountInboundTranslation {

    private final CommandGateway commands;

    AccountInboundTranslation(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AccountOpened event) {
        commands.sendAndWait(new OpenCoreAccount(event.accountId(), Currency.valueOf(event.currency()),
                event.recordType()));
    }

    @EventHandler
    void on(AccountClosureRequested event) {
        commands.sendAndWait(new CloseCoreAccount(event.accountId(), requestId(event.requestId())));
    }

    @EventHandler
    void on(RecordTypeChangeRequested event) {
        commands.sendAndWait(new ChangeCoreRecordType(event.accountId(), event.requestedRecordType(),
                requestId(event.requestId())));
    }

    /**
     * accounts-service's request id: the request's sequence number in the account's stream (digits, as its schema
     * says); absent in requests published before ids.
     *
     * @throws IllegalArgumentException for an id that is no such number, which sends the event to the dead letters
     */
    private static Long requestId(String requestId) {
        if (requestId == null) {
            return null;
        }
        try {
            return Long.parseLong(requestId);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("requestId is not a sequence number: " + requestId, e);
        }
    }
}
