package org.banksuite.accounts.config;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.banksuite.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who did it (issue 13's audit): a command sent while an API request is handled carries the caller's token subject
 * as the metadata {@value #ACTOR}, and the events it causes keep it in the event store (Axon's correlation data), so
 * every opening, block, unblock, closure and record-type request records the customer or staff member who asked for
 * it, taken from the verified token only. Commands from Kafka have no caller and carry none. The metadata stays in the
 * store: the events on {@code accounts.events} carry no actor.
 */
@Configuration(proxyBeanMethods = false)
class ActorAuditConfig {

    /** The metadata key of the token subject that asked for a change. */
    static final String ACTOR = "actor";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorOnCommands() {
        return messages -> (index, command) -> Caller.find()
                .<CommandMessage<?>>map(caller -> command.andMetaData(Map.of(ACTOR, caller.subject())))
                .orElse(command);
    }

    @Bean
    CorrelationDataProvider actorOnEvents() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }
}
