package org.banksuite.transfers.transfer.domain;

import java.time.LocalDate;
import org.banksuite.money.Money;

/**
 * What happened to a {@link Transfer}: the aggregate's own events, stored in its event store. Each has an
 * integration counterpart on {@code transfers.events}; the two evolve separately.
 */
public sealed interface TransferEvent {

    String transferId();

    /** Accepted for a future {@code executionDate}; nothing is reserved yet. */
    record TransferScheduled(String transferId, String debtorAccountId, Creditor creditor, Money amount,
                             String debtorText, String creditorText, LocalDate executionDate)
            implements TransferEvent {
    }

    /**
     * Due now: accounts-service reserves {@code amount} on the debtor's account, with the transfer id as the
     * reservation id. {@code executionDate} is null when the request named no date.
     */
    record TransferRequested(String transferId, String debtorAccountId, Creditor creditor, Money amount,
                             String debtorText, String creditorText, LocalDate executionDate)
            implements TransferEvent {
    }

    /** The amount is held on the debtor's account; the adapter submits the payment to the core. */
    record TransferFundsReserved(String transferId, String debtorAccountId, Money amount) implements TransferEvent {
    }

    record TransferSubmitted(String transferId, String debtorAccountId) implements TransferEvent {
    }

    /** The core booked the payment; accounts-service captures the hold as a posting. */
    record TransferBooked(String transferId, String debtorAccountId, Creditor creditor, Money amount,
                          String debtorText, String creditorText, String coreReference) implements TransferEvent {
    }

    /** The transfer will not happen. When {@code fundsWereReserved}, accounts-service releases the hold. */
    record TransferRejected(String transferId, String debtorAccountId, RejectionReason reason, String detail,
                            boolean fundsWereReserved) implements TransferEvent {
    }

    /**
     * The adapter is to settle the reserved transfer's payment for good; {@code requestedBy} is the support user, or
     * null when the overdue deadline asked.
     */
    record TransferResolutionRequested(String transferId, String debtorAccountId, String reason, String requestedBy)
            implements TransferEvent {
    }

    /** The core has been silent about the payment; this is the {@code timesAsked}-th time the suite asks again. */
    record TransferCoreAnswerOverdue(String transferId, String debtorAccountId, int timesAsked) implements TransferEvent {
    }
}
