package org.banksuite.kit.processing;

import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.banksuite.kit.inbox.DeadLetterAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries dead-lettered sequences of every processing group by themselves, on a back-off schedule, so that a passing
 * cause (an event that arrived before the one it depends on, a fix deployed since) heals without anyone's help, and a
 * lasting one never turns into a hot loop. Axon's queues keep the letters; this only decides when to try them again.
 */
public class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);
    private static final int MAX_SEQUENCES_PER_RUN = 100;

    private final EventProcessingConfiguration processing;
    private final RetrySchedule schedule;
    private final Clock clock;

    public DeadLetterRetries(EventProcessingConfiguration processing, RetrySchedule schedule, Clock clock) {
        this.processing = processing;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${suite.dead-letters.check-interval:PT5S}")
    public void retryDueSequences() {
        for (String group : processing.eventProcessors().keySet()) {
            processing.sequencedDeadLetterProcessor(group).ifPresent(processor -> {
                int retried = 0;
                try {
                    while (retried < MAX_SEQUENCES_PER_RUN && processor.process(this::isDue)) {
                        retried++;
                    }
                } catch (RuntimeException transientFailure) {
                    log.warn("Retrying dead letters of {} stopped: {}", group, transientFailure.toString());
                }
                if (retried > 0) {
                    log.info("Retried {} dead-lettered sequence(s) of {} successfully", retried, group);
                }
            });
        }
    }

    private boolean isDue(DeadLetter<? extends EventMessage<?>> letter) {
        return schedule.isDue(DeadLetterAttempts.of(letter), letter.lastTouched(), clock.instant());
    }
}
