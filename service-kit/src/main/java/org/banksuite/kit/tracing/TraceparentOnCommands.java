package org.banksuite.kit.tracing;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Gives every command a trace context: the one it inherited from the message it reacts to, else the span current on
 * the thread (the REST request's server span, which continues the caller's {@code traceparent}), else the calling
 * request's {@code traceparent} header (tracing switched off), else a new trace. The events the command causes carry
 * it on to the topic.
 */
public class TraceparentOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final MessageTracing tracing;

    public TraceparentOnCommands(MessageTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(Tracing.TRACEPARENT)
                ? command
                : command.andMetaData(Map.of(Tracing.TRACEPARENT, currentOrFromRequestOrNew()));
    }

    private String currentOrFromRequestOrNew() {
        String current = tracing.currentTraceparent();
        if (current != null) {
            return current;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String traceparent = request.getHeader(Tracing.TRACEPARENT);
            if (Tracing.isValid(traceparent)) {
                return traceparent;
            }
        }
        return Tracing.newTraceparent();
    }
}
