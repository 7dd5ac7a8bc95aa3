package org.banksuite.adapter.core;

import static java.util.Objects.requireNonNull;

/**
 * One operation at the core, as the operation log knows it: every attempt of it is logged under {@code id}.
 * {@code accountId} and {@code transferId} say what it is about (either may be null).
 */
public record Operation(String id, OperationKind kind, String accountId, String transferId) {

    public Operation {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
    }
}
