package org.banksuite.transfers.transfer.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentNotSubmitted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.kit.inbox.Inbox;
import org.banksuite.transfers.transfer.domain.RejectionReason;
import org.springframework.stereotype.Component;

import static org.banksuite.transfers.transfer.domain.TransferCommand.*;

/**
 * Turns the answers of accounts-service and the partner core into commands on transfers. A decline reason this
 * version does not know rejects the transfer as {@code OTHER}, naming the reason in the detail. A command that fails sends
 * its event to the sequenced dead-letter queue; the other account events in the inbox feed the replica instead.
 */
@Component
@ProcessingGroup(Inbox.PROCESSING_GROUP)
class InboundTranslation {

    private final CommandGateway commands;

    InboundTranslation(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FundsReserved event) {
        commands.sendAndWait(new ConfirmFundsReserved(event.reservationId()));
    }

    @EventHandler
    void on(FundsReservationDeclined event) {
        commands.sendAndWait(new RejectTransfer(event.reservationId(), RejectionReason.ofAccountDecline(event.reason()),
                "the debtor account declined the reservation: " + event.reason()));
    }

    /** The core has the payment and the answer is awaited; late or replayed after the answer, it changes nothing. */
    @EventHandler
    void on(CorePaymentSubmitted event) {
        commands.sendAndWait(new ConfirmSubmitted(event.transferId()));
    }

    @EventHandler
    void on(CorePaymentAccepted event) {
        commands.sendAndWait(new BookTransfer(event.transferId(), event.coreReference()));
    }

    @EventHandler
    void on(CorePaymentRejected event) {
        commands.sendAndWait(new RejectTransfer(event.transferId(), RejectionReason.CORE_REJECTED, event.reason()));
    }

    /** The core never had the payment and never will: the transfer is rejected and its hold released. */
    @EventHandler
    void on(CorePaymentNotSubmitted event) {
        commands.sendAndWait(new RejectTransfer(event.transferId(), RejectionReason.NOT_SUBMITTED, event.reason()));
    }
}
