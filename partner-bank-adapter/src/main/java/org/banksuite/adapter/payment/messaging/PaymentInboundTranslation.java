package org.banksuite.adapter.payment.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.adapter.payment.domain.PaymentCreditor;
import org.banksuite.events.Amount;
import org.banksuite.events.transfers.v1.Creditor;
import org.banksuite.events.transfers.v1.TransferCoreAnswerOverdue;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.events.transfers.v1.TransferResolutionRequested;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;
import org.springframework.stereotype.Component;

import static org.banksuite.adapter.payment.domain.PaymentCommand.*;

/**
 * Turns transfers-service's events into payments: a requested transfer is remembered (its creditor and texts are not
 * in the reservation event), its reservation submits it, an overdue answer is answered again, and a resolution settles
 * it for good. A reservation of a transfer never requested fails into the dead-letter queue. The core takes one text; it is the creditor's, the one the receiving side sees.
 */
@Component
@ProcessingGroup(Inbox.PROCESSING_GROUP)
class PaymentInboundTranslation {

    private final CommandGateway commands;

    PaymentInboundTranslation(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(TransferRequested event) {
        commands.sendAndWait(new RegisterPaymentOrder(event.transferId(), event.debtorAccountId(),
                creditor(event.creditor()), money(event.amount()), event.creditorText()));
    }

    @EventHandler
    void on(TransferFundsReserved event) {
        commands.sendAndWait(new SubmitPayment(event.transferId()));
    }

    /** An overdue answer repeats a settled answer; otherwise the resolution asked for later settles it. */
    @EventHandler
    void on(TransferCoreAnswerOverdue event) {
        commands.sendAndWait(new ReportPaymentAnswerOverdue(event.transferId()));
    }

    /** Settles the payment for good, whether it was ever submitted or not (or even heard of). */
    @EventHandler
    void on(TransferResolutionRequested event) {
        commands.sendAndWait(new ResolvePayment(event.transferId(), event.reason()));
    }

    private static PaymentCreditor creditor(Creditor creditor) {
        return creditor.accountId() != null
                ? PaymentCreditor.suiteAccount(creditor.accountId())
                : PaymentCreditor.bankAccount(creditor.registrationNumber(), creditor.accountNumber());
    }

    private static Money money(Amount amount) {
        return Money.of(amount.amount(), Currency.valueOf(amount.currency()));
    }
}
