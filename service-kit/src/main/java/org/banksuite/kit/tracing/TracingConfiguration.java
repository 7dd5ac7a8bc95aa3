package org.banksuite.kit.tracing;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What travels with every message: correlation and causation ids, and the W3C trace context. */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** Correlation and causation ids, as Axon keeps them ({@code traceId}, {@code correlationId}). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** The trace context of the request or record that caused an event travels on with it. */
    @Bean
    CorrelationDataProvider traceparent() {
        return new SimpleCorrelationDataProvider(Tracing.TRACEPARENT);
    }

    @Bean
    TraceparentOnCommands traceparentOnCommands() {
        return new TraceparentOnCommands();
    }
}
