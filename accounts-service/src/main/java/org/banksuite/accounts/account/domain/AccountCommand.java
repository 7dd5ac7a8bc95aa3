package org.banksuite.accounts.account.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/** What can be asked of an {@link Account}. Every command names the account it is for. */
public sealed interface AccountCommand {

    String accountId();

    record OpenAccount(@TargetAggregateIdentifier String accountId, String customerId, Currency currency,
                       RecordType recordType) implements AccountCommand {
    }

    record ActivateAccount(@TargetAggregateIdentifier String accountId, String registrationNumber,
                           String accountNumber) implements AccountCommand {
    }

    record RejectAccountOpening(@TargetAggregateIdentifier String accountId, String reason) implements AccountCommand {
    }

    /**
     * Hold {@code amount} for {@code reservationId} (the transfer's id when a transfer asks), as asked at
     * {@code requestedAt} (null when unknown).
     */
    record ReserveFunds(@TargetAggregateIdentifier String accountId, String reservationId, Money amount,
                        Instant requestedAt) implements AccountCommand {

        public ReserveFunds(String accountId, String reservationId, Money amount) {
            this(accountId, reservationId, amount, null);
        }
    }

    record ReleaseReservation(@TargetAggregateIdentifier String accountId, String reservationId)
            implements AccountCommand {
    }

    /**
     * Book a posting: a signed amount (credits positive, debits negative) with a unique id. When it names a
     * reservation that is held, the posting captures that hold.
     */
    record BookPosting(@TargetAggregateIdentifier String accountId, String postingId, Money amount, String text,
                       String reservationId) implements AccountCommand {
    }

    /**
     * Book an entry the core booked on the account (synced by the adapter): {@code amount} is signed (credits
     * positive, debits negative), {@code transferId} the entry's payment key, null when the core booked it without
     * one. The entry books under {@link #postingId()}, the id the suite's own booking of the same payment side uses,
     * so that whichever of the two comes first books it and the other changes no balance.
     */
    record BookCoreEntry(@TargetAggregateIdentifier String accountId, String entryId, Money amount, String text,
                         String transferId) implements AccountCommand {

        /** {@code <transferId>/debit} or {@code <transferId>/credit} by the amount's sign; {@code core:<entryId>} unkeyed. */
        public String postingId() {
            if (transferId == null) {
                return entryPostingId();
            }
            return transferId + (amount.isPositive() ? CREDIT_SIDE : DEBIT_SIDE);
        }

        /** The id under which the entry itself books, or its difference to the suite's booking of the same side. */
        public String entryPostingId() {
            return "core:" + entryId;
        }

        /** The reservation this entry captures: a debit made by one of the suite's transfers captures its hold. */
        String reservationId() {
            return transferId != null && !amount.isPositive() ? transferId : null;
        }
    }

    /** Posting-id suffixes of the two sides of a transfer: {@code <transferId>/debit}, {@code <transferId>/credit}. */
    String DEBIT_SIDE = "/debit";
    String CREDIT_SIDE = "/credit";

    /** Block the account; {@code by} is a customer (their own account only) or staff (any account). */
    record BlockAccount(@TargetAggregateIdentifier String accountId, String reason, Actor by) implements AccountCommand {
    }

    record UnblockAccount(@TargetAggregateIdentifier String accountId) implements AccountCommand {
    }

    /** Ask the core for another record type; {@code by} is the owner (a customer acts on their own account only). */
    record RequestRecordTypeChange(@TargetAggregateIdentifier String accountId, RecordType recordType, Actor by)
            implements AccountCommand {
    }

    /**
     * The core's confirmation of the record-type change {@code requestId} (the {@code requestId} the request was
     * published with; null for an answer that names no request, which is taken as answering the pending one).
     */
    record ConfirmRecordTypeChange(@TargetAggregateIdentifier String accountId, RecordType recordType,
                                   String requestId) implements AccountCommand {

        public ConfirmRecordTypeChange(String accountId, RecordType recordType) {
            this(accountId, recordType, null);
        }
    }

    /** The core's refusal of the record-type change {@code requestId} (null: the pending one). */
    record RefuseRecordTypeChange(@TargetAggregateIdentifier String accountId, String reason, String requestId)
            implements AccountCommand {

        public RefuseRecordTypeChange(String accountId, String reason) {
            this(accountId, reason, null);
        }
    }

    /** Ask the core to close the account; {@code by} is the owner (a customer acts on their own account only). */
    record RequestClosure(@TargetAggregateIdentifier String accountId, Actor by) implements AccountCommand {
    }

    /** The core's confirmation of the closure {@code requestId} (null: the pending one). */
    record ConfirmClosure(@TargetAggregateIdentifier String accountId, String requestId) implements AccountCommand {

        public ConfirmClosure(String accountId) {
            this(accountId, null);
        }
    }

    /** The core's refusal of the closure {@code requestId} (null: the pending one). */
    record RefuseClosure(@TargetAggregateIdentifier String accountId, String reason, String requestId)
            implements AccountCommand {

        public RefuseClosure(String accountId, String reason) {
            this(accountId, reason, null);
        }
    }
}
