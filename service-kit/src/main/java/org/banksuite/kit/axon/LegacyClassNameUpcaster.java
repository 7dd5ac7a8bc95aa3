package org.banksuite.kit.axon;

import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event stored before stored types were named (payload type: its Java class name, no revision) as revision
 * {@link StoredEventTypes#FIRST_REVISION} of its stable name, the payload unchanged. It runs first in every service's
 * chain, so later revision steps apply to old events too.
 */
final class LegacyClassNameUpcaster extends SingleEventUpcaster {

    private final StoredEventTypes types;

    LegacyClassNameUpcaster(StoredEventTypes types) {
        this.types = types;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && types.storedUnderClassName(representation.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        StoredEventType type = types.storedUnderClassName(representation.getType().getName()).orElseThrow();
        return representation.upcastPayload(new SimpleSerializedType(type.name(), StoredEventTypes.FIRST_REVISION),
                JsonNode.class, Function.identity());
    }
}
