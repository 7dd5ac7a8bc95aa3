package org.banksuite.reconciliation.ledger.check;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.banksuite.reconciliation.config.ReconciliationSettings;
import org.banksuite.reconciliation.ledger.domain.Discrepancy;
import org.banksuite.reconciliation.ledger.domain.MismatchLifecycle;
import org.banksuite.reconciliation.ledger.domain.MismatchLifecycle.Decisions;
import org.banksuite.reconciliation.ledger.domain.MismatchLifecycle.Raise;
import org.banksuite.reconciliation.ledger.domain.TrackedMismatch;
import org.banksuite.reconciliation.ledger.messaging.MismatchOutbox;
import org.banksuite.reconciliation.ledger.store.Discrepancies;
import org.banksuite.reconciliation.ledger.store.MismatchStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One comparison: finds what is out of step, and raises, updates, resolves or forgets tracked mismatches per
 * {@link MismatchLifecycle}, with their events in the outbox, in one transaction. Replicas take turns (an advisory
 * lock), so a mismatch is raised once however many run.
 */
@Component
public class ReconciliationCheck {

    private static final long LOCK = 0x7265636f6e63L;

    private final Discrepancies discrepancies;
    private final MismatchStore mismatches;
    private final MismatchOutbox outbox;
    private final ReconciliationSettings settings;
    private final Clock clock;
    private final JdbcClient jdbc;

    ReconciliationCheck(Discrepancies discrepancies, MismatchStore mismatches, MismatchOutbox outbox,
                        ReconciliationSettings settings, Clock clock, JdbcClient jdbc) {
        this.discrepancies = discrepancies;
        this.mismatches = mismatches;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Runs one comparison at the clock's time; returns false if another replica is running one. */
    @Transactional
    public boolean run() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        Instant now = clock.instant();
        List<Discrepancy> found = discrepancies.findAll(now, settings.reservationThreshold(),
                settings.transferThreshold());
        Decisions decisions = MismatchLifecycle.decide(found, mismatches.unresolved(), now, settings.gracePeriod());
        decisions.notice().forEach(discrepancy -> mismatches.notice(discrepancy, now));
        decisions.update().forEach(mismatches::update);
        for (Raise raise : decisions.raise()) {
            mismatches.update(raise.now());
            mismatches.raise(raise.tracked().mismatchId(), now);
            outbox.detected(raise.tracked(), raise.now(), now);
        }
        for (TrackedMismatch resolved : decisions.resolve()) {
            mismatches.resolve(resolved.mismatchId(), now);
            outbox.resolved(resolved, now);
        }
        decisions.forget().forEach(forgotten -> mismatches.forget(forgotten.mismatchId()));
        mismatches.markReconciled(now);
        return true;
    }
}
