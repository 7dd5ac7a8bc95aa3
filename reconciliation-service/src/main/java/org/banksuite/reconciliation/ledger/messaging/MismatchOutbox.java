package org.banksuite.reconciliation.ledger.messaging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.banksuite.events.Amount;
import org.banksuite.events.EventCatalog;
import org.banksuite.events.EventJson;
import org.banksuite.events.IntegrationEvent;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchDetected;
import org.banksuite.events.reconciliation.v1.ReconciliationMismatchResolved;
import org.banksuite.reconciliation.ledger.domain.Discrepancy;
import org.banksuite.reconciliation.ledger.domain.TrackedMismatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the events that announce a mismatch into the outbox, in the transaction that raises or resolves it, so an
 * event is published if and only if its change was committed. A mismatch's detection is its event 0, its resolution
 * event 1 ({@code ce_sequence}, with the mismatch id as subject).
 */
@Component
public class MismatchOutbox {

    private final JdbcClient jdbc;

    MismatchOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void detected(TrackedMismatch mismatch, Discrepancy now, Instant at) {
        add(0, at, new ReconciliationMismatchDetected(mismatch.mismatchId().toString(), now.kind().name(),
                now.accountId(), now.reference(), amount(now.coreAmount(), now.currency()),
                amount(now.suiteAmount(), now.currency()), at));
    }

    public void resolved(TrackedMismatch mismatch, Instant at) {
        add(1, at, new ReconciliationMismatchResolved(mismatch.mismatchId().toString(), mismatch.key().kind().name(),
                mismatch.key().accountId(), mismatch.key().reference(), mismatch.detectedAt(), at));
    }

    private void add(long sequence, Instant at, IntegrationEvent event) {
        jdbc.sql("""
                insert into outbox (event_id, ce_type, subject, sequence, payload, occurred_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), EventCatalog.typeOf(event), event.subject(), sequence,
                        EventJson.serialize(event), Timestamp.from(at))
                .update();
    }

    private static Amount amount(BigDecimal value, String currency) {
        return value == null || currency == null ? null : Amount.of(value, currency);
    }
}
