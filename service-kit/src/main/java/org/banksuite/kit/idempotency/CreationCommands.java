package org.banksuite.kit.idempotency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/** Commands that create an aggregate under an id fixed by an Idempotency-Key claim. */
public final class CreationCommands {

    private CreationCommands() {
    }

    /** Creates it, or finds that an earlier attempt with the same key already did and crashed before answering. */
    public static void sendOnce(CommandGateway commands, Object createCommand) {
        try {
            commands.sendAndWait(createCommand);
        } catch (AggregateStreamCreationException createdBeforeACrash) {
            // the same id: the resource exists once, which is what the request asked for
        }
    }
}
