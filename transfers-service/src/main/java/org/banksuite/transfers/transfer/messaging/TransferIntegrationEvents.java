package org.banksuite.transfers.transfer.messaging;

import java.time.Instant;
import org.banksuite.events.Amount;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferCoreAnswerOverdue;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.events.transfers.v1.TransferResolutionRequested;
import org.banksuite.events.transfers.v1.TransferScheduled;
import org.banksuite.events.transfers.v1.TransferSubmitted;
import org.banksuite.money.Money;
import org.banksuite.transfers.transfer.domain.TransferEvent;

/** Maps the transfer's own events to their published versions on {@code transfers.events}. */
final class TransferIntegrationEvents {

    private TransferIntegrationEvents() {
    }

    static IntegrationEvent from(TransferEvent event, Instant at) {
        String id = event.transferId();
        return switch (event) {
            case TransferEvent.TransferScheduled e -> new TransferScheduled(id, e.debtorAccountId(),
                    creditor(e.creditor()), amount(e.amount()), e.debtorText(), e.creditorText(), e.executionDate(), at);
            case TransferEvent.TransferRequested e -> new TransferRequested(id, e.debtorAccountId(),
                    creditor(e.creditor()), amount(e.amount()), e.debtorText(), e.creditorText(), e.executionDate(), at);
            case TransferEvent.TransferFundsReserved e -> new TransferFundsReserved(id, e.debtorAccountId(),
                    amount(e.amount()), at);
            case TransferEvent.TransferSubmitted e -> new TransferSubmitted(id, e.debtorAccountId(), at);
            case TransferEvent.TransferBooked e -> new TransferBooked(id, e.debtorAccountId(),
                    e.creditor().isSuiteAccount() ? e.creditor().accountId() : null, amount(e.amount()),
                    e.debtorText(), e.creditorText(), at);
            case TransferEvent.TransferRejected e -> new TransferRejected(id, e.debtorAccountId(), e.reason().name(), at);
            case TransferEvent.TransferResolutionRequested e -> new TransferResolutionRequested(id,
                    e.debtorAccountId(), e.reason(), e.requestedBy(), at);
            case TransferEvent.TransferCoreAnswerOverdue e -> new TransferCoreAnswerOverdue(id, e.debtorAccountId(),
                    e.timesAsked(), at);
        };
    }

    private static Creditor creditor(org.banksuite.transfers.transfer.domain.Creditor creditor) {
        return creditor.isSuiteAccount()
                ? Creditor.suiteAccount(creditor.accountId())
                : Creditor.bankAccount(creditor.registrationNumber(), creditor.accountNumber());
    }

    private static Amount amount(Money money) {
        return Amount.of(money.amount(), money.currency().name());
    }
}
