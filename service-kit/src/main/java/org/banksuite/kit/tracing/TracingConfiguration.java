package org.banksuite.kit.tracing;

import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What travels with every message: correlation and causation ids, and the W3C trace context; and the spans of the
 * hops no library instruments (see {@link MessageTracing}). Spring Boot's OpenTelemetry support makes the tracer,
 * the server spans of REST calls and the client spans of the calls made through an observed {@code RestClient};
 * it exports over OTLP when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** The service's spans; no-ops when tracing is switched off (no {@link Tracer} bean). */
    @Bean
    MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new MessageTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Correlation and causation ids, as Axon keeps them ({@code traceId}, {@code correlationId}). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * The trace context messages created while handling one carry on: the span current on the thread (the handler's,
     * the request's), else the handled message's own.
     */
    @Bean
    CorrelationDataProvider traceparent(MessageTracing tracing) {
        return message -> {
            String current = tracing.currentTraceparent();
            Object inherited = current != null ? current : message.getMetaData().get(Tracing.TRACEPARENT);
            return inherited == null ? Map.of() : Map.of(Tracing.TRACEPARENT, inherited);
        };
    }

    @Bean
    TraceparentOnCommands traceparentOnCommands(MessageTracing tracing) {
        return new TraceparentOnCommands(tracing);
    }

    /** A span around every event handled by every processor of the service. */
    @Bean
    ConfigurerModule handlerSpans(MessageTracing tracing) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processingGroup) -> new HandlerSpans(tracing, processingGroup));
    }
}
