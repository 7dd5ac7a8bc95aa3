package org.banksuite.kit.tracing;

import java.util.List;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A real OpenTelemetry SDK behind Micrometer Tracing's bridge, as Spring Boot wires it, recording ended spans. */
public final class RecordedSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final MessageTracing tracing;

    public RecordedSpans() {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("service-kit-test");
        ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        tracing = new MessageTracing(new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
        }), new OtelPropagator(propagators, otel));
    }

    public MessageTracing tracing() {
        return tracing;
    }

    /** The spans ended so far, in the order they ended. */
    public List<SpanData> ended() {
        return exporter.getFinishedSpanItems();
    }

    /** The trace id of a W3C {@code traceparent}. */
    public static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span id (parent id) of a W3C {@code traceparent}. */
    public static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
