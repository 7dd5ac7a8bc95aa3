package org.banksuite.kit.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Spans for the hops that no library instruments here: publishing an event to Kafka, taking a record into the inbox,
 * handling a stored event or a deadline. Each span is a child of the W3C {@code traceparent} the message carries
 * (a new trace when it carries none or a malformed one, as W3C Trace Context asks), and hands on its own
 * {@code traceparent}, so that one trace runs from a BFF's request through every service to the core's answer.
 * <p>
 * With tracing off ({@code management.tracing.enabled=false}) the spans are no-ops and the messages' own trace context
 * travels on unchanged.
 */
public class MessageTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    /**
     * @param tracer     Micrometer Tracing's tracer (the OpenTelemetry bridge's), or {@link Tracer#NOOP}
     * @param propagator the W3C propagator that goes with it, or {@link Propagator#NOOP}
     */
    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off: no spans, trace contexts passed on as they came. */
    public static MessageTracing off() {
        return new MessageTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /**
     * Starts a span as a child of {@code parentTraceparent}.
     *
     * @param name              the span's name, e.g. {@code publish accounts.events}
     * @param kind              producer, consumer or internal
     * @param parentTraceparent a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}); null or malformed
     *                          starts a new trace
     * @return the started span; the caller ends it
     */
    public Span start(String name, Span.Kind kind, String parentTraceparent) {
        Span.Builder builder = Tracing.isValid(parentTraceparent)
                ? propagator.extract(Map.of(Tracing.TRACEPARENT, parentTraceparent), Map::get)
                : tracer.spanBuilder();
        return builder.name(name).kind(kind).start();
    }

    /**
     * The {@code traceparent} to hand on from {@code span}, or {@code fallback} when tracing is off.
     *
     * @param span     a span of this tracer
     * @param fallback what the message carried, passed on unchanged without tracing (may be null)
     */
    public String traceparent(Span span, String fallback) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        String traceparent = carrier.get(Tracing.TRACEPARENT);
        return Tracing.isValid(traceparent) ? traceparent : fallback;
    }

    /** The {@code traceparent} of the span current on this thread; null when there is none. */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        return current == null ? null : traceparent(current, null);
    }

    /** Makes {@code span} the current one on this thread until the returned scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}
