package org.banksuite.reconciliation.ledger.messaging;

import java.math.BigDecimal;

import org.banksuite.events.Amount;
import org.banksuite.events.EventEnvelope;
import org.banksuite.events.accounts.v1.AccountOpened;
import org.banksuite.events.accounts.v1.FundsReserved;
import org.banksuite.events.accounts.v1.PostingBooked;
import org.banksuite.events.accounts.v1.ReservationReleased;
import org.banksuite.events.partnerbank.v1.CorePostingEntryBooked;
import org.banksuite.events.transfers.v1.TransferBooked;
import org.banksuite.events.transfers.v1.TransferRejected;
import org.banksuite.events.transfers.v1.TransferRequested;
import org.banksuite.reconciliation.ledger.domain.PostingKeys;
import org.banksuite.reconciliation.ledger.store.StreamFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one event read from the streams, exactly once per {@code ce_id}: the event's effect and its id are committed
 * in one transaction, so a redelivery (after a crash before the offset commit, say) changes nothing. Events the job
 * does not need are recorded as seen and otherwise ignored.
 */
@Component
public class StreamIngestion {

    private final StreamFacts facts;

    StreamIngestion(StreamFacts facts) {
        this.facts = facts;
    }

    /**
     * @param topic the topic, without any test prefix, the record was read from
     * @return false if the event had been applied before
     */
    @Transactional
    public boolean apply(String topic, EventEnvelope envelope) {
        if (!facts.firstSight(envelope.id(), topic)) {
            return false;
        }
        switch (envelope.event()) {
            case AccountOpened e -> facts.accountSeen(e.accountId(), e.currency());
            case CorePostingEntryBooked e -> facts.coreEntryBooked(e.accountId(), e.entryId(),
                    PostingKeys.ofCoreEntry(e.entryId(), e.transferId(), e.amount().decimal()), e.amount().decimal(),
                    e.amount().currency());
            case PostingBooked e -> facts.postingBooked(e.accountId(), envelope.sequence(), e.postingId(),
                    e.amount().decimal(), e.amount().currency(), e.bookedBalance().decimal(), e.reservationId());
            case FundsReserved e -> facts.fundsReserved(e.accountId(), e.reservationId(), e.amount().decimal(),
                    e.amount().currency(), e.reservedAt());
            case ReservationReleased e -> facts.reservationSettled(e.accountId(), e.reservationId());
            case TransferRequested e -> facts.transferRequested(e.transferId(), e.debtorAccountId(),
                    positive(e.amount()), e.amount().currency(), e.requestedAt());
            case TransferBooked e -> facts.transferFinished(e.transferId(), e.debtorAccountId());
            case TransferRejected e -> facts.transferFinished(e.transferId(), e.debtorAccountId());
            default -> {
                // not needed for reconciliation
            }
        }
        return true;
    }

    private static BigDecimal positive(Amount amount) {
        return amount.decimal().abs();
    }
}
