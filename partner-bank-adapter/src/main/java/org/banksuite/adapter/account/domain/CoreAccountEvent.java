package org.banksuite.adapter.account.domain;

import java.time.Instant;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.money.Currency;
import org.banksuite.money.Money;

/**
 * What happened to a {@link CoreAccount}. The {@code …Requested} events start the sagas that call the core
 * ({@code operationId} names the operation in the operation log); the others are the core's answers and the entries
 * it booked, published on {@code partner-bank.events}. {@code requestId} names accounts-service's request that a
 * closure or record-type change serves, and its answer echoes it (null in events stored before requests had ids). {@link EntryCursorAdvanced} stays internal.
 */
public sealed interface CoreAccountEvent {

    String accountId();

    record CoreAccountOpeningRequested(String accountId, String operationId, Currency currency, String recordType)
            implements CoreAccountEvent {
    }

    record CoreAccountOpened(String accountId, String operationId, CoreAccountNumber number)
            implements CoreAccountEvent {
    }

    record CoreAccountOpeningRefused(String accountId, String operationId, String reason) implements CoreAccountEvent {
    }

    record CoreAccountClosureRequested(String accountId, String operationId, CoreAccountNumber number,
                                       Long requestId) implements CoreAccountEvent {

        public CoreAccountClosureRequested(String accountId, String operationId, CoreAccountNumber number) {
            this(accountId, operationId, number, null);
        }
    }

    record CoreAccountClosed(String accountId, String operationId, Long requestId) implements CoreAccountEvent {

        public CoreAccountClosed(String accountId, String operationId) {
            this(accountId, operationId, null);
        }
    }

    record CoreAccountClosureRefused(String accountId, String operationId, String reason, Long requestId)
            implements CoreAccountEvent {

        public CoreAccountClosureRefused(String accountId, String operationId, String reason) {
            this(accountId, operationId, reason, null);
        }
    }

    record CoreRecordTypeChangeRequested(String accountId, String operationId, CoreAccountNumber number,
                                         String recordType, Long requestId) implements CoreAccountEvent {

        public CoreRecordTypeChangeRequested(String accountId, String operationId, CoreAccountNumber number,
                                             String recordType) {
            this(accountId, operationId, number, recordType, null);
        }
    }

    record CoreRecordTypeChanged(String accountId, String operationId, String recordType, Long requestId)
            implements CoreAccountEvent {

        public CoreRecordTypeChanged(String accountId, String operationId, String recordType) {
            this(accountId, operationId, recordType, null);
        }
    }

    record CoreRecordTypeChangeRefused(String accountId, String operationId, String recordType, String reason,
                                       Long requestId) implements CoreAccountEvent {

        public CoreRecordTypeChangeRefused(String accountId, String operationId, String recordType, String reason) {
            this(accountId, operationId, recordType, reason, null);
        }
    }

    /**
     * The core booked an entry on the account. {@code transferId} is the entry's payment key when a payment booked it
     * (one of the suite's transfers, or another channel's key); accounts-service books the entry under the same
     * posting id as its own booking of that payment side, so it counts once.
     */
    record CorePostingEntryFetched(String accountId, String entryId, Money amount, String text, String transferId,
                                   Instant bookedAt) implements CoreAccountEvent {
    }

    /** The posting-entry sync of this account continues after {@code cursor}. */
    record EntryCursorAdvanced(String accountId, String cursor) implements CoreAccountEvent {
    }
}
