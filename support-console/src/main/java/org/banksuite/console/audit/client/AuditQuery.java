package org.banksuite.console.audit.client;

import java.time.Instant;
import java.util.Locale;

import org.banksuite.api.ops.client.model.AuditEntry;

/**
 * The audit page's filters, each optional (blank or null: no filter).
 *
 * @param service the service whose log to read
 * @param person  who did it: part of the support user's name, any case
 * @param action  what was done, an {@code AuditAction} name such as {@code RECONSTITUTION_JOB_CREATED}
 * @param entity  a dead-letter sequence (entity) id or a job id, or text of the outcome (a job's outcome names its
 *                producer, receiver and entities)
 * @param from    only entries at or after this instant
 * @param to      only entries before this instant
 */
public record AuditQuery(String service, String person, String action, String entity, Instant from, Instant to) {

    static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean includesService(String name) {
        return given(service) == null || given(service).equals(name);
    }

    boolean matches(AuditEntry entry) {
        String who = given(person);
        if (who != null && (entry.getSupportUser() == null
                || !lower(entry.getSupportUser()).contains(lower(who)))) {
            return false;
        }
        String what = given(action);
        if (what != null && (entry.getAction() == null || !entry.getAction().getValue().equals(what))) {
            return false;
        }
        String id = given(entity);
        if (id != null && !id.equals(entry.getSequenceId())
                && !(entry.getJobId() != null && entry.getJobId().toString().equalsIgnoreCase(id))
                && !(entry.getOutcome() != null && lower(entry.getOutcome()).contains(lower(id)))) {
            return false;
        }
        Instant at = entry.getAt() == null ? null : entry.getAt().toInstant();
        if (from != null && (at == null || at.isBefore(from))) {
            return false;
        }
        return to == null || (at != null && at.isBefore(to));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
