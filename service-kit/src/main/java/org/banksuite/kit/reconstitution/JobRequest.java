package org.banksuite.kit.reconstitution;

import java.time.Instant;
import java.util.List;

/**
 * What support asks to replay: {@code producer}'s events to {@code receiver}, optionally only those stored in
 * [{@code from}, {@code to}), of {@code entityIds}, named {@code eventNames}; empty lists mean all.
 */
public record JobRequest(String receiver, Producer producer, Instant from, Instant to, List<String> entityIds,
                         List<String> eventNames, boolean dryRun, Integer maxEventsPerSecond, String reason,
                         String requestedBy) {

    public static final int MAX_ENTITY_IDS = 1000;

    public JobRequest {
        entityIds = entityIds == null ? List.of() : entityIds.stream().map(String::strip).distinct().toList();
        eventNames = eventNames == null ? List.of() : eventNames.stream().map(String::strip).distinct().toList();
    }

    public boolean entityScoped() {
        return !entityIds.isEmpty();
    }
}
