package org.banksuite.kit.tracing;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.banksuite.kit.tracing.RecordedSpans.spanIdOf;
import static org.banksuite.kit.tracing.RecordedSpans.traceIdOf;

class MessageTracingTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final RecordedSpans spans = new RecordedSpans();
    private final MessageTracing tracing = spans.tracing();

    @Test
    void startsAChildOfTheMessagesTraceAndHandsOnItsOwnContext() {
        Span span = tracing.start("publish accounts.events", Span.Kind.PRODUCER, CALLER);
        String handedOn = tracing.traceparent(span, CALLER);
        span.end();

        SpanData ended = spans.ended().getFirst();
        assertThat(ended.getTraceId()).isEqualTo(traceIdOf(CALLER));
        assertThat(ended.getParentSpanId()).isEqualTo(spanIdOf(CALLER));
        assertThat(ended.getName()).isEqualTo("publish accounts.events");
        assertThat(traceIdOf(handedOn)).isEqualTo(traceIdOf(CALLER));
        assertThat(spanIdOf(handedOn)).isEqualTo(ended.getSpanId()).isNotEqualTo(spanIdOf(CALLER));
    }

    @Test
    void startsANewTraceForAMalformedTraceparent() {
        Span span = tracing.start("receive accounts.events", Span.Kind.CONSUMER, "00-not-a-trace-01");
        span.end();

        SpanData ended = spans.ended().getFirst();
        assertThat(ended.getParentSpanContext().isValid()).isFalse();
        assertThat(ended.getTraceId()).isNotEqualTo(traceIdOf(CALLER)).hasSize(32);
    }

    @Test
    void passesTheMessagesContextOnUnchangedWhenTracingIsOff() {
        MessageTracing off = MessageTracing.off();
        Span span = off.start("publish accounts.events", Span.Kind.PRODUCER, CALLER);

        assertThat(off.traceparent(span, CALLER)).isEqualTo(CALLER);
        assertThat(off.currentTraceparent()).isNull();
    }

    @Test
    void aHandlersCommandsCarryTheHandlersSpanInItsTrace() throws Exception {
        TracingConfiguration configuration = new TracingConfiguration();
        GenericEventMessage<String> event = new GenericEventMessage<>("FundsReserved",
                Map.of(Tracing.TRACEPARENT, CALLER));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.registerCorrelationDataProvider(configuration.traceparent(tracing));

        Object command = new HandlerSpans(tracing, "inbound").handle(unitOfWork,
                () -> new GenericCommandMessage<>("ReserveFunds"));
        unitOfWork.commit();

        SpanData handling = spans.ended().getFirst();
        assertThat(handling.getName()).isEqualTo("inbound String");
        assertThat(handling.getParentSpanId()).isEqualTo(spanIdOf(CALLER));
        String carried = ((GenericCommandMessage<?>) command).getMetaData().get(Tracing.TRACEPARENT).toString();
        assertThat(traceIdOf(carried)).isEqualTo(traceIdOf(CALLER));
        assertThat(spanIdOf(carried)).isEqualTo(handling.getSpanId());
    }

    @Test
    void aFailedHandlingIsRecordedAsAnErrorOnItsSpan() {
        GenericEventMessage<String> event = new GenericEventMessage<>("FundsReserved",
                Map.of(Tracing.TRACEPARENT, CALLER));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);

        try {
            new HandlerSpans(tracing, "inbound").handle(unitOfWork, () -> {
                throw new IllegalStateException("refused");
            });
        } catch (Exception expected) {
            // the handler's failure goes on to the processor as it came
        } finally {
            unitOfWork.rollback();
        }

        assertThat(spans.ended().getFirst().getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }
}
