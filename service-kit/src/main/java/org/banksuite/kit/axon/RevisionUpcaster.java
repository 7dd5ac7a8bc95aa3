package org.banksuite.kit.axon;

import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of a stored event type from one revision to the next: the template for every change of a stored event's
 * shape (a renamed or retyped field, a new field that old events need a value for). Subclasses write only
 * {@link #upcast}; a service declares each step with {@link StoredEventTypes.Builder#upcaster}, raises the type's
 * revision, and adds the new revision's fixture next to the old one.
 */
public abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final String name;
    private final String fromRevision;
    private final String toRevision;

    /** A step of the type stored as {@code name}, from {@code fromRevision} to {@code toRevision}. */
    protected RevisionUpcaster(String name, String fromRevision, String toRevision) {
        this.name = Objects.requireNonNull(name, "name");
        this.fromRevision = Objects.requireNonNull(fromRevision, "fromRevision");
        this.toRevision = Objects.requireNonNull(toRevision, "toRevision");
    }

    /** The payload at {@code toRevision}, made from (and may change) {@code payload} at {@code fromRevision}. */
    protected abstract ObjectNode upcast(ObjectNode payload);

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return name.equals(representation.getType().getName())
                && fromRevision.equals(representation.getType().getRevision());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(name, toRevision), ObjectNode.class,
                this::upcast);
    }
}
