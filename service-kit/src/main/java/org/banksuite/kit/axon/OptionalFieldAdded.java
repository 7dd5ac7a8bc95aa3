package org.banksuite.kit.axon;

import tools.jackson.databind.node.ObjectNode;

/**
 * The step of a stored type whose newer revision only added an optional field: a payload of the older revision is
 * already a valid payload of the newer one (the field is absent, read as null), so only the revision moves. A field
 * that old events need a value for is not optional: write a {@link RevisionUpcaster} that sets it.
 */
public final class OptionalFieldAdded extends RevisionUpcaster {

    /** The step of the type stored as {@code name} from {@code fromRevision} to {@code toRevision}. */
    public OptionalFieldAdded(String name, String fromRevision, String toRevision) {
        super(name, fromRevision, toRevision);
    }

    @Override
    protected ObjectNode upcast(ObjectNode payload) {
        return payload;
    }
}
