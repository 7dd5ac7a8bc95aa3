package org.banksuite.transfers.transfer.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.banksuite.money.Currency;
import org.banksuite.money.InvalidAmountException;
import org.banksuite.text.TextRule;

import static org.banksuite.transfers.transfer.domain.TransferCommand.*;
import static org.banksuite.transfers.transfer.domain.TransferEvent.*;
import static org.banksuite.transfers.transfer.domain.TransferStatus.*;

/**
 * A domestic credit transfer: DKK from an account of the suite to another suite account or to any Danish bank
 * account, today or on a later date. It decides which answer of accounts-service and the partner core still counts:
 * answers repeated or arriving after the transfer moved on change nothing, so redelivered and late messages are
 * harmless, while an answer that contradicts what the transfer knows (the core booking a rejected transfer) is refused
 * with {@link TransferStateConflictException} for support to look at. Once funds are reserved, only the core's answer
 * settles the transfer: money may have moved there, so no timer rejects it.
 */
public class Transfer extends EventSourcedTransfer {

    /** The bank's calendar: what "today" means for an execution date. */
    public static final ZoneId BANKING_ZONE = ZoneId.of("Europe/Copenhagen");
    /** The longest debtor or creditor text the suite passes on, in code points ({@link TextRule#PAYMENT_TEXT}). */
    public static final int MAX_TEXT_LENGTH = TextRule.PAYMENT_TEXT.maxLength();

    protected Transfer() {
        // for Axon's event sourcing
    }

    /** Where the transfer is now. */
    public TransferStatus status() {
        return status;
    }

    @CommandHandler
    public Transfer(RequestTransfer command, Clock clock) {
        requireText("transferId", command.transferId());
        requireText("debtorAccountId", command.debtorAccountId());
        if (command.creditor() == null) {
            throw new TransferRefusedException("a creditor is required");
        }
        if (command.amount() == null || !command.amount().isPositive()) {
            throw new InvalidAmountException("a transfer must move a positive amount, was "
                    + (command.amount() == null ? "none" : command.amount().toPlainString()));
        }
        if (command.amount().currency() != Currency.DKK) {
            throw new TransferRefusedException("domestic credit transfers are in DKK only, not " + command.amount().currency());
        }
        if (command.creditor().isSuiteAccount() && command.creditor().accountId().equals(command.debtorAccountId())) {
            throw new TransferRefusedException("the creditor must be another account than the debtor's");
        }
        requireShortText("debtorText", command.debtorText());
        requireShortText("creditorText", command.creditorText());
        LocalDate today = LocalDate.now(clock.withZone(BANKING_ZONE));
        LocalDate date = command.executionDate();
        if (date != null && date.isBefore(today)) {
            throw new TransferRefusedException("the execution date " + date + " has passed; today is " + today);
        }
        if (date != null && date.isAfter(today)) {
            AggregateLifecycle.apply(new TransferScheduled(command.transferId(), command.debtorAccountId(),
                    command.creditor(), command.amount(), command.debtorText(), command.creditorText(), date));
        } else {
            AggregateLifecycle.apply(new TransferRequested(command.transferId(), command.debtorAccountId(),
                    command.creditor(), command.amount(), command.debtorText(), command.creditorText(), date));
        }
    }

    @CommandHandler
    public void handle(StartScheduledTransfer command) {
        if (status == SCHEDULED) {
            AggregateLifecycle.apply(new TransferRequested(transferId, debtorAccountId, creditor, amount, debtorText,
                    creditorText, executionDate));
        }
    }

    @CommandHandler
    public void handle(ConfirmFundsReserved command) {
        if (status == SCHEDULED) {
            throw new TransferStateConflictException("funds were reserved for transfer " + transferId
                    + ", which is scheduled for " + executionDate + " and was not requested yet");
        }
        if (status == REQUESTED) {
            AggregateLifecycle.apply(new TransferFundsReserved(transferId, debtorAccountId, amount));
        }
    }

    @CommandHandler
    public void handle(ConfirmSubmitted command) {
        if (status == FUNDS_RESERVED) {
            AggregateLifecycle.apply(new TransferSubmitted(transferId, debtorAccountId));
        }
    }

    @CommandHandler
    public void handle(RejectTransfer command) {
        if (command.reason() == null) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        if (status == REJECTED) {
            return;
        }
        if (command.reason() == RejectionReason.TIMED_OUT && status != SCHEDULED && status != REQUESTED) {
            return; // the reservation's answer won the race with the timer: only the core settles it now
        }
        if (status == BOOKED) {
            throw new TransferStateConflictException("transfer " + transferId + " was booked by the core and cannot be"
                    + " rejected (" + command.reason() + ": " + command.detail() + ")");
        }
        AggregateLifecycle.apply(new TransferRejected(transferId, debtorAccountId, command.reason(), command.detail(),
                fundsAreReserved()));
    }

    @CommandHandler
    public void handle(BookTransfer command) {
        if (status == BOOKED) {
            return;
        }
        if (!fundsAreReserved()) {
            throw new TransferStateConflictException("the core booked transfer " + transferId + " (reference "
                    + command.coreReference() + ") but the suite never handed it over: it is " + status);
        }
        AggregateLifecycle.apply(new TransferBooked(transferId, debtorAccountId, creditor, amount, debtorText,
                creditorText, command.coreReference()));
    }

    /** The transfer's state after the command being handled (see {@link TransferState}). */
    private TransferState state() {
        Long version = AggregateLifecycle.getVersion();
        return new TransferState(transferId, status, version == null ? 0 : version);
    }

    @CommandHandler
    public TransferState handle(RequestResolution command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("a resolution needs a reason");
        }
        if (!fundsAreReserved()) {
            if (command.requestedBy() != null) {
                throw new TransferStateConflictException("transfer " + transferId + " is " + status + ": "
                        + (status == BOOKED || status == REJECTED ? "it is settled already"
                        : "nothing was handed to the core yet, its reservation settles it"));
            }
            return state(); // the deadline raced the core's answer: nothing left to resolve
        }
        AggregateLifecycle.apply(new TransferResolutionRequested(transferId, debtorAccountId, command.reason(),
                command.requestedBy()));
        return state();
    }

    @CommandHandler
    public void handle(ReportCoreAnswerOverdue command) {
        if (fundsAreReserved()) {
            AggregateLifecycle.apply(new TransferCoreAnswerOverdue(transferId, debtorAccountId, timesCoreAsked + 1));
        }
    }

    /** Reserved and not yet settled: the money is held, and may already have moved at the core. */
    private boolean fundsAreReserved() {
        return status == FUNDS_RESERVED || status == SUBMITTED;
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new TransferRefusedException(name + " is required");
        }
    }

    private static void requireShortText(String name, String value) {
        if (value == null) {
            throw new TransferRefusedException(name + " is required (it may be empty)");
        }
        TextRule.PAYMENT_TEXT.violation(value).ifPresent(problem -> {
            throw new TransferRefusedException(name + " " + problem);
        });
    }
}
