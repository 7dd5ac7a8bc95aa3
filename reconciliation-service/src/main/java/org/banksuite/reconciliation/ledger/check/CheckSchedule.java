package org.banksuite.reconciliation.ledger.check;

import org.banksuite.reconciliation.ledger.messaging.OutboxPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code reconciliation.check-interval}: compare, publish what the comparison decided, refresh the gauges. */
@Component
class CheckSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckSchedule.class);

    private final ReconciliationCheck check;
    private final OutboxPublisher publisher;
    private final OpenMismatchGauges gauges;

    CheckSchedule(ReconciliationCheck check, OutboxPublisher publisher, OpenMismatchGauges gauges) {
        this.check = check;
        this.publisher = publisher;
        this.gauges = gauges;
    }

    @Scheduled(fixedDelayString = "${reconciliation.check-interval:PT5S}",
            initialDelayString = "${reconciliation.check-interval:PT5S}")
    void tick() {
        try {
            check.run();
            publisher.publishPending();
            gauges.refresh();
        } catch (RuntimeException e) {
            log.warn("Reconciliation check failed, retrying at the next interval: {}", e.toString());
        }
    }
}
