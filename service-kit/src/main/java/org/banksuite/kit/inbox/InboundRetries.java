package org.banksuite.kit.inbox;

import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries dead-lettered inbound sequences by themselves, on a back-off schedule, so that a passing cause (an event
 * that arrived before the one it depends on, a database hiccup) heals without anyone's help, and a lasting one
 * never turns into a hot loop. Axon's queue keeps the letters; this only decides when to try them again.
 */
public class InboundRetries {

    private static final Logger log = LoggerFactory.getLogger(InboundRetries.class);
    private static final int MAX_SEQUENCES_PER_RUN = 100;

    private final EventProcessingConfiguration processing;
    private final RetrySchedule schedule;
    private final Clock clock;

    public InboundRetries(EventProcessingConfiguration processing, RetrySchedule schedule, Clock clock) {
        this.processing = processing;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${suite.dead-letters.check-interval:PT5S}")
    public void retryDueSequences() {
        processing.sequencedDeadLetterProcessor(Inbox.PROCESSING_GROUP).ifPresent(processor -> {
            int retried = 0;
            while (retried < MAX_SEQUENCES_PER_RUN && processor.process(this::isDue)) {
                retried++;
            }
            if (retried > 0) {
                log.info("Retried {} dead-lettered inbound sequence(s) successfully", retried);
            }
        });
    }

    private boolean isDue(DeadLetter<? extends EventMessage<?>> letter) {
        return schedule.isDue(DeadLetterAttempts.of(letter), letter.lastTouched(), clock.instant());
    }
}
