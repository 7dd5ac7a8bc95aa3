package org.banksuite.transfers.transfer.domain;

import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.banksuite.money.Money;

import static org.banksuite.transfers.transfer.domain.TransferEvent.*;
import static org.banksuite.transfers.transfer.domain.TransferStatus.*;

/**
 * What a {@link Transfer} remembers of its events, and nothing else: the event-sourcing handlers only assign state.
 * The decisions are the {@link Transfer}'s. Fields are not final: a snapshot restores them by assignment.
 */
public abstract class EventSourcedTransfer {

    @AggregateIdentifier
    String transferId;
    TransferStatus status;
    String debtorAccountId;
    Creditor creditor;
    Money amount;
    String debtorText;
    String creditorText;
    LocalDate executionDate;
    int timesCoreAsked;

    @EventSourcingHandler
    void on(TransferScheduled event) {
        remember(event.transferId(), event.debtorAccountId(), event.creditor(), event.amount(), event.debtorText(),
                event.creditorText(), event.executionDate());
        status = SCHEDULED;
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        remember(event.transferId(), event.debtorAccountId(), event.creditor(), event.amount(), event.debtorText(),
                event.creditorText(), event.executionDate());
        status = REQUESTED;
    }

    @EventSourcingHandler
    void on(TransferFundsReserved event) {
        status = FUNDS_RESERVED;
    }

    @EventSourcingHandler
    void on(TransferSubmitted event) {
        status = SUBMITTED;
    }

    @EventSourcingHandler
    void on(TransferBooked event) {
        status = BOOKED;
    }

    @EventSourcingHandler
    void on(TransferRejected event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(TransferResolutionRequested event) {
        // changes nothing the transfer decides on: only the core's answer settles it
    }

    @EventSourcingHandler
    void on(TransferCoreAnswerOverdue event) {
        timesCoreAsked = event.timesAsked();
    }

    private void remember(String transferId, String debtorAccountId, Creditor creditor, Money amount,
                          String debtorText, String creditorText, LocalDate executionDate) {
        this.transferId = transferId;
        this.debtorAccountId = debtorAccountId;
        this.creditor = creditor;
        this.amount = amount;
        this.debtorText = debtorText;
        this.creditorText = creditorText;
        this.executionDate = executionDate;
    }
}
