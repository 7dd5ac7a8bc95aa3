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
 * same account wait behind it.
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
        commands.sendAndWait(new CloseCoreAccount(event.accountId()));
    }

    @EventHandler
    void on(RecordTypeChangeRequested event) {
        commands.sendAndWait(new ChangeCoreRecordType(event.accountId(), event.requestedRecordType()));
    }
}
