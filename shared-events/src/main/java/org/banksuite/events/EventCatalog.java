package org.banksuite.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.banksuite.events.accounts.v1.AccountActivated;
import org.banksuite.events.accounts.v1.AccountBlocked;
import org.banksuite.events.accounts.v1.AccountClosed;
import org.banksuite.events.accounts.v1.AccountClosureRefused;
import org.banksuite.events.accounts.v1.AccountClosureRequested;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.AccountOpeningRejected;
import org.banksuite.events.accounts.v1.AccountUnblocked;
import org.banksuite.events.accounts.v1.FundsReservationDeclined;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.accounts.v1.RecordTypeChangeRefused;
import org.banksuite.events.accounts.v1.RecordTypeChangeRequested;
import org.banksuite.events.accounts.v1.RecordTypeChanged;
import org.banksuite.events.accounts.v1.ReservationReleased;
import org.banksuite.events.partnerbank.v1.CoreAccountClosed;
import org.banksuite.events.partnerbank.v1.CoreAccountClosureRefused;
import org.banksuite.events.partnerbank.v1.CoreAccountOpened;
import org.banksuite.events.partnerbank.v1.CoreAccountOpeningRefused;
import org.banksuite.events.partnerbank.v1.CorePaymentAccepted;
import org.banksuite.events.partnerbank.v1.CorePaymentNotSubmitted;
import org.banksuite.events.partnerbank.v1.CorePaymentRejected;
import org.banksuite.events.partnerbank.v1.CorePaymentSubmitted;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChangeRefused;
import org.banksuite.events.partnerbank.v1.CoreRecordTypeChanged;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchResolved;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferCoreAnswerOverdue;
import org.banksuite.events.transfers.v1.TransferFundsReserved;
import org.banksuite.events.transfers.v1.TransferSubmitted;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.events.transfers.v1.TransferResolutionRequested;
import org.banksuite.events.transfers.v1.TransferScheduled;

/**
 * The one registry of integration event types: {@code ce_type} string to record class and back.
 *
 * <p>Every type is listed here by hand. A {@code ce_type} is never derived from a Java class name, so renaming
 * or moving a record cannot change the contract.
 */
public final class EventCatalog {

    private static final List<CatalogEntry> ENTRIES = List.of(
            accounts("accounts.AccountOpened.v1", AccountOpened.class),
            accounts("accounts.AccountActivated.v1", AccountActivated.class),
            accounts("accounts.AccountOpeningRejected.v1", AccountOpeningRejected.class),
            accounts("accounts.FundsReserved.v1", FundsReserved.class),
            accounts("accounts.FundsReservationDeclined.v1", FundsReservationDeclined.class),
            accounts("accounts.ReservationReleased.v1", ReservationReleased.class),
            accounts("accounts.PostingBooked.v1", PostingBooked.class),
            accounts("accounts.AccountBlocked.v1", AccountBlocked.class),
            accounts("accounts.AccountUnblocked.v1", AccountUnblocked.class),
            accounts("accounts.RecordTypeChangeRequested.v1", RecordTypeChangeRequested.class),
            accounts("accounts.RecordTypeChanged.v1", RecordTypeChanged.class),
            accounts("accounts.RecordTypeChangeRefused.v1", RecordTypeChangeRefused.class),
            accounts("accounts.AccountClosureRequested.v1", AccountClosureRequested.class),
            accounts("accounts.AccountClosed.v1", AccountClosed.class),
            accounts("accounts.AccountClosureRefused.v1", AccountClosureRefused.class),

            partnerBank("partner-bank.CoreAccountOpened.v1", CoreAccountOpened.class),
            partnerBank("partner-bank.CoreAccountOpeningRefused.v1", CoreAccountOpeningRefused.class),
            partnerBank("partner-bank.CoreRecordTypeChanged.v1", CoreRecordTypeChanged.class),
            partnerBank("partner-bank.CoreRecordTypeChangeRefused.v1", CoreRecordTypeChangeRefused.class),
            partnerBank("partner-bank.CoreAccountClosed.v1", CoreAccountClosed.class),
            partnerBank("partner-bank.CoreAccountClosureRefused.v1", CoreAccountClosureRefused.class),
            partnerBank("partner-bank.CorePostingEntryBooked.v1", CorePostingEntryBooked.class),
            partnerBank("partner-bank.CorePaymentAccepted.v1", CorePaymentAccepted.class),
            partnerBank("partner-bank.CorePaymentRejected.v1", CorePaymentRejected.class),
            partnerBank("partner-bank.CorePaymentNotSubmitted.v1", CorePaymentNotSubmitted.class),
            partnerBank("partner-bank.CorePaymentSubmitted.v1", CorePaymentSubmitted.class),

            transfers("transfers.TransferScheduled.v1", TransferScheduled.class),
            transfers("transfers.TransferRequested.v1", TransferRequested.class),
            transfers("transfers.TransferFundsReserved.v1", TransferFundsReserved.class),
            transfers("transfers.TransferSubmitted.v1", TransferSubmitted.class),
            transfers("transfers.TransferCoreAnswerOverdue.v1", TransferCoreAnswerOverdue.class),
            transfers("transfers.TransferBooked.v1", TransferBooked.class),
            transfers("transfers.TransferRejected.v1", TransferRejected.class),
            transfers("transfers.TransferResolutionRequested.v1", TransferResolutionRequested.class),

            reconciliation("reconciliation.ReconciliationMismatchDetected.v1", ReconciliationMismatchDetected.class),
            reconciliation("reconciliation.ReconciliationMismatchResolved.v1", ReconciliationMismatchResolved.class));

    private static final Map<String, CatalogEntry> BY_TYPE = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(CatalogEntry::ceType, Function.identity()));
    private static final Map<Class<? extends IntegrationEvent>, CatalogEntry> BY_CLASS = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(CatalogEntry::recordClass, Function.identity()));

    private EventCatalog() {
    }

    /** Every catalogued event type, grouped by producer. */
    public static List<CatalogEntry> all() {
        return ENTRIES;
    }

    /** The {@code ce_type} of {@code event}, e.g. {@code accounts.AccountOpened.v1}. */
    public static String typeOf(IntegrationEvent event) {
        return entryOf(event).ceType();
    }

    /** The catalog entry of {@code event}'s record class. */
    public static CatalogEntry entryOf(IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        CatalogEntry entry = BY_CLASS.get(event.getClass());
        if (entry == null) {
            throw new UnknownEventTypeException(event.getClass().getName() + " is not in the EventCatalog");
        }
        return entry;
    }

    /** The record class for {@code ceType}; throws {@link UnknownEventTypeException} if it is not catalogued. */
    public static Class<? extends IntegrationEvent> classOf(String ceType) {
        return entryOf(ceType).recordClass();
    }

    /** The catalog entry for {@code ceType}; throws {@link UnknownEventTypeException} if it is not catalogued. */
    public static CatalogEntry entryOf(String ceType) {
        Objects.requireNonNull(ceType, "ceType");
        CatalogEntry entry = BY_TYPE.get(ceType);
        if (entry == null) {
            throw new UnknownEventTypeException("Unknown event type '" + ceType + "': not in the EventCatalog");
        }
        return entry;
    }

    private static CatalogEntry accounts(String ceType, Class<? extends IntegrationEvent> recordClass) {
        return new CatalogEntry(ceType, recordClass, Topics.ACCOUNTS_EVENTS);
    }

    private static CatalogEntry partnerBank(String ceType, Class<? extends IntegrationEvent> recordClass) {
        return new CatalogEntry(ceType, recordClass, Topics.PARTNER_BANK_EVENTS);
    }

    private static CatalogEntry reconciliation(String ceType, Class<? extends IntegrationEvent> recordClass) {
        return new CatalogEntry(ceType, recordClass, Topics.RECONCILIATION_EVENTS);
    }

    private static CatalogEntry transfers(String ceType, Class<? extends IntegrationEvent> recordClass) {
        return new CatalogEntry(ceType, recordClass, Topics.TRANSFERS_EVENTS);
    }
}
