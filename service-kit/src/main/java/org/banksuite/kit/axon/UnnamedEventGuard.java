package org.banksuite.kit.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Refuses to publish an event whose type has no stable name in the service's {@link StoredEventTypes}: it would be
 * stored under its Java class name, and a later rename of the class would make it unreadable. The command that
 * applied it fails with the name of the class to declare.
 */
final class UnnamedEventGuard implements MessageDispatchInterceptor<EventMessage<?>> {

    private final StoredEventTypes types;

    UnnamedEventGuard(StoredEventTypes types) {
        this.types = types;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
            List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (types.ofClass(message.getPayloadType()).isEmpty()) {
                throw new IllegalStateException(message.getPayloadType().getName() + " has no stable stored name:"
                        + " declare it in the service's StoredEventTypes bean (see service-kit's README)");
            }
            return message;
        };
    }
}
