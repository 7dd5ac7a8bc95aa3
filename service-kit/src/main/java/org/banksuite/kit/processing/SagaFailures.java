package org.banksuite.kit.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a saga's event handler failing does. Axon has no dead-letter queue for sagas, and a saga processor that
 * rethrew would hold every saga of its segment behind one event forever. So: a transient failure is thrown on (the
 * processor retries the batch, nothing is skipped); any other failure is logged at ERROR with the saga, the event and
 * its entity, counted in {@code saga_failed_events}, and the event is left for that saga instance: the saga's own
 * deadlines (retries, overdue answers) carry the entity on, and every other saga keeps going.
 */
public class SagaFailures implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(SagaFailures.class);

    private final Counter failed;

    public SagaFailures(MeterRegistry registry) {
        this.failed = Counter.builder("saga.failed.events")
                .description("Events a saga's handler failed on for a lasting reason; left for that saga")
                .register(registry);
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (TransientFailures.isTransient(exception)) {
            throw exception;
        }
        failed.increment();
        log.error("Saga {} failed on event {} ({}, entity {}); left for that saga, its deadlines carry it on",
                handler.getTargetType().getSimpleName(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                entityOf(event), exception);
    }

    private static String entityOf(EventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : String.valueOf(event.getMetaData().get("ce_subject"));
    }
}
