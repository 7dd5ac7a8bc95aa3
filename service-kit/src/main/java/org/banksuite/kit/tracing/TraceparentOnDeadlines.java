package org.banksuite.kit.tracing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Gives a deadline the trace context of the work that scheduled it (the span current then), so that what runs when
 * it is due (a retried core call, say) continues that trace. Axon keeps no correlation data on deadline messages.
 */
public class TraceparentOnDeadlines implements MessageDispatchInterceptor<DeadlineMessage<?>> {

    private final MessageTracing tracing;

    public TraceparentOnDeadlines(MessageTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(
            List<? extends DeadlineMessage<?>> messages) {
        return (index, deadline) -> {
            String current = tracing.currentTraceparent();
            return current == null || deadline.getMetaData().containsKey(Tracing.TRACEPARENT)
                    ? deadline
                    : deadline.andMetaData(Map.of(Tracing.TRACEPARENT, current));
        };
    }
}
