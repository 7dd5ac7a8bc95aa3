package org.banksuite.transfers.transfer.domain;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.banksuite.money.Money;

/** What can be asked of a {@link Transfer}. Every command names the transfer it is for. */
public sealed interface TransferCommand {

    String transferId();

    /**
     * Move {@code amount} (DKK) from the debtor's account to the creditor. {@code debtorText} shows on the debtor's
     * statement, {@code creditorText} on the creditor's. {@code executionDate} is the day it should happen; null
     * means today.
     */
    record RequestTransfer(@TargetAggregateIdentifier String transferId, String debtorAccountId, Creditor creditor,
                           Money amount, String debtorText, String creditorText, LocalDate executionDate)
            implements TransferCommand {
    }

    /** A scheduled transfer's execution date has begun. */
    record StartScheduledTransfer(@TargetAggregateIdentifier String transferId) implements TransferCommand {
    }

    /** Accounts-service holds the amount on the debtor's account. */
    record ConfirmFundsReserved(@TargetAggregateIdentifier String transferId) implements TransferCommand {
    }

    record RejectTransfer(@TargetAggregateIdentifier String transferId, RejectionReason reason, String detail)
            implements TransferCommand {
    }

    /** The partner core has received the payment. */
    record ConfirmSubmitted(@TargetAggregateIdentifier String transferId) implements TransferCommand {
    }

    /** The partner core booked the payment under {@code coreReference}. */
    record BookTransfer(@TargetAggregateIdentifier String transferId, String coreReference) implements TransferCommand {
    }

    /**
     * Settle a reserved transfer for good: the adapter asks the core for the payment and books it, rejects it, or, if
     * the core never received it, makes sure it never will and rejects the transfer. {@code requestedBy} is the
     * support user who asked, or null when the transfer's own deadline asks; support may not resolve a transfer that
     * is settled or not reserved ({@link TransferStateConflictException}), the deadline's request then changes
     * nothing.
     */
    record RequestResolution(@TargetAggregateIdentifier String transferId, String reason, String requestedBy)
            implements TransferCommand {
    }

    /** The core has not answered a payment it may have booked; ask it again. */
    record ReportCoreAnswerOverdue(@TargetAggregateIdentifier String transferId) implements TransferCommand {
    }
}
