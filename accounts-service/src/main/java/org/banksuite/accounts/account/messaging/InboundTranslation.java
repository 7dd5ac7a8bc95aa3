package org.banksuite.accounts.account.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.accounts.account.domain.RecordType;
import org.banksuite.events.Amount;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CoreAccountOpeningRefused;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChangeRefused;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import static org.banksuite.accounts.account.domain.AccountCommand.*;

/**
 * Turns the foreign events in the inbox into commands on accounts. A command that fails sends its event to the
 * sequenced dead-letter queue, where later events of the same entity wait behind it.
 */
@Component
@ProcessingGroup(Inbox.PROCESSING_GROUP)
class InboundTranslation {

    private static final Logger log = LoggerFactory.getLogger(InboundTranslation.class);

    private final CommandGateway commands;

    InboundTranslation(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CoreAccountOpened event) {
        commands.sendAndWait(new ActivateAccount(event.accountId(), event.registrationNumber(), event.accountNumber()));
    }

    @EventHandler
    void on(CoreAccountOpeningRefused event) {
        commands.sendAndWait(new RejectAccountOpening(event.accountId(), event.reason()));
    }

    @EventHandler
    void on(CoreRecordTypeChanged event) {
        Optional<RecordType> recordType = knownRecordType(event.recordType());
        if (recordType.isEmpty()) {
            // a type this version does not know cannot be the change it asked for: the change stays pending, in view
            log.warn("the core reports record type '{}' for account {}, which this version does not know; the pending"
                    + " change stays pending for support", event.recordType(), event.accountId());
            return;
        }
        commands.sendAndWait(new ConfirmRecordTypeChange(event.accountId(), recordType.get(), event.requestId()));
    }

    /** Another service's value, read without throwing: a value added later is simply not known here. */
    private static Optional<RecordType> knownRecordType(String value) {
        for (RecordType type : RecordType.values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @EventHandler
    void on(CoreRecordTypeChangeRefused event) {
        commands.sendAndWait(new RefuseRecordTypeChange(event.accountId(), event.reason(), event.requestId()));
    }

    @EventHandler
    void on(CoreAccountClosed event) {
        commands.sendAndWait(new ConfirmClosure(event.accountId(), event.requestId()));
    }

    @EventHandler
    void on(CoreAccountClosureRefused event) {
        commands.sendAndWait(new RefuseClosure(event.accountId(), event.reason(), event.requestId()));
    }

    /**
     * Every entry the core booked is booked here, keyed or not: one of the suite's own transfers books under the same
     * posting id ({@link BookCoreEntry#postingId()}), so whichever of the two arrives first books it, once.
     */
    @EventHandler
    void on(CorePostingEntryBooked event) {
        commands.sendAndWait(new BookCoreEntry(event.accountId(), event.entryId(), money(event.amount()), event.text(),
                event.transferId()));
    }

    @EventHandler
    void on(TransferRequested event) {
        commands.sendAndWait(new ReserveFunds(event.debtorAccountId(), event.transferId(), money(event.amount()),
                event.requestedAt()));
    }

    /**
     * Both sides in one unit of work, so a transfer is never half booked. Each command keeps its account locked until
     * the unit of work ends, so the accounts are taken in the order of their ids: two transfers between the same
     * accounts in opposite directions, handled at once by two segments, then wait for each other instead of
     * deadlocking.
     */
    @EventHandler
    void on(TransferBooked event) {
        Money amount = money(event.amount());
        List<BookPosting> sides = new ArrayList<>();
        sides.add(new BookPosting(event.debtorAccountId(), event.transferId() + DEBIT_SIDE, amount.negated(),
                event.debtorText(), event.transferId()));
        if (event.creditorAccountId() != null) {
            sides.add(new BookPosting(event.creditorAccountId(), event.transferId() + CREDIT_SIDE, amount,
                    event.creditorText(), null));
        }
        sides.sort(Comparator.comparing(BookPosting::accountId));
        sides.forEach(commands::sendAndWait);
    }

    @EventHandler
    void on(TransferRejected event) {
        commands.sendAndWait(new ReleaseReservation(event.debtorAccountId(), event.transferId()));
    }

    private static Money money(Amount amount) {
        return Money.of(amount.amount(), Currency.valueOf(amount.currency()));
    }
}
