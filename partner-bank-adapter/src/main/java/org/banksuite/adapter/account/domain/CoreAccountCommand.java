package org.banksuite.adapter.account.domain;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.banksuite.adapter.core.CoreAccountNumber;
import org.banksuite.adapter.core.CoreEntry;
import org.banksuite.money.Currency;

/** What can be asked of a {@link CoreAccount}. Every command names the suite's account id. */
public sealed interface CoreAccountCommand {

    String accountId();

    /** Open the suite's account at the core. */
    record OpenCoreAccount(@TargetAggregateIdentifier String accountId, Currency currency, String recordType)
            implements CoreAccountCommand {
    }

    record RecordCoreAccountOpened(@TargetAggregateIdentifier String accountId, CoreAccountNumber number)
            implements CoreAccountCommand {
    }

    record RefuseCoreAccountOpening(@TargetAggregateIdentifier String accountId, String reason)
            implements CoreAccountCommand {
    }

    /**
     * Close the account at the core, as accounts-service's request {@code requestId} asks (its sequence number in
     * the account's stream; null for a request published before requests had ids).
     */
    record CloseCoreAccount(@TargetAggregateIdentifier String accountId, Long requestId) implements CoreAccountCommand {

        public CloseCoreAccount(String accountId) {
            this(accountId, null);
        }
    }

    record RecordCoreAccountClosed(@TargetAggregateIdentifier String accountId) implements CoreAccountCommand {
    }

    record RefuseCoreAccountClosure(@TargetAggregateIdentifier String accountId, String reason)
            implements CoreAccountCommand {
    }

    /** Change the record type at the core, as accounts-service's request {@code requestId} asks (null: no id). */
    record ChangeCoreRecordType(@TargetAggregateIdentifier String accountId, String recordType, Long requestId)
            implements CoreAccountCommand {

        public ChangeCoreRecordType(String accountId, String recordType) {
            this(accountId, recordType, null);
        }
    }

    record RecordCoreRecordTypeChanged(@TargetAggregateIdentifier String accountId, String recordType)
            implements CoreAccountCommand {
    }

    record RefuseCoreRecordTypeChange(@TargetAggregateIdentifier String accountId, String recordType, String reason)
            implements CoreAccountCommand {
    }

    /**
     * Take a page of posting entries fetched from the core after {@code fromCursor}, continuing at {@code nextCursor}.
     * Refused unless {@code fromCursor} is the account's cursor, so a page is applied once, whoever fetched it.
     */
    record ApplyEntryPage(@TargetAggregateIdentifier String accountId, String fromCursor, List<CoreEntry> entries,
                          String nextCursor) implements CoreAccountCommand {

        public ApplyEntryPage {
            entries = List.copyOf(entries);
        }
    }
}
