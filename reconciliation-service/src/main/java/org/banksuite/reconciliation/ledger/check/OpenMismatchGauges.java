package org.banksuite.reconciliation.ledger.check;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.banksuite.reconciliation.ledger.domain.MismatchKind;
import org.banksuite.reconciliation.ledger.store.MismatchStore;
import org.springframework.stereotype.Component;

/**
 * {@code reconciliation_open_mismatches{kind=...}} on {@code /actuator/prometheus}: the raised, unresolved mismatches
 * per kind, every kind present (0 when there are none), as of the last check.
 */
@Component
class OpenMismatchGauges {

    private final MismatchStore mismatches;
    private final Map<MismatchKind, AtomicLong> open = new EnumMap<>(MismatchKind.class);

    OpenMismatchGauges(MismatchStore mismatches, MeterRegistry meters) {
        this.mismatches = mismatches;
        for (MismatchKind kind : MismatchKind.values()) {
            AtomicLong count = new AtomicLong();
            open.put(kind, count);
            Gauge.builder("reconciliation.open.mismatches", count, AtomicLong::get)
                    .description("Open reconciliation mismatches, by kind")
                    .tag("kind", kind.name())
                    .register(meters);
        }
    }

    void refresh() {
        Map<MismatchKind, Long> counts = mismatches.openCountsByKind();
        open.forEach((kind, count) -> count.set(counts.getOrDefault(kind, 0L)));
    }
}
