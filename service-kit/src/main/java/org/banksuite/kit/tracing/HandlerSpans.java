package org.banksuite.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A span around the handling of each stored event by an event processor, and of each deadline: a child of the trace
 * context in the message's metadata, current on the thread while the handler runs, so that the calls it makes (the
 * core through the proxy) and the commands it sends (and so the events they cause) are part of the same trace.
 * Named {@code <handler> <PayloadType>}, e.g. {@code inbound FundsReserved}.
 */
public class HandlerSpans implements MessageHandlerInterceptor<Message<?>> {

    private final MessageTracing tracing;
    private final String handler;

    /**
     * @param tracing the service's message tracing
     * @param handler what handles: the processing group's name, or {@code deadline}
     */
    public HandlerSpans(MessageTracing tracing, String handler) {
        this.tracing = tracing;
        this.handler = handler;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Message<?> message = unitOfWork.getMessage();
        Object parent = message.getMetaData().get(Tracing.TRACEPARENT);
        Span span = tracing.start(handler + " " + message.getPayloadType().getSimpleName(), Span.Kind.CONSUMER,
                parent == null ? null : parent.toString());
        try (Tracer.SpanInScope scope = tracing.inScope(span)) {
            return interceptorChain.proceed();
        } catch (Exception | Error failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }
}
