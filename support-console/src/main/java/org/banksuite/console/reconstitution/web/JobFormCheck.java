package org.banksuite.console.reconstitution.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banksuite.api.ops.client.model.Producer;
import org.banksuite.api.ops.client.model.ReconstitutionJobRequest;
import org.banksuite.console.reconstitution.client.Announcements;
import org.banksuite.console.reconstitution.client.ProducerChoice;

/**
 * Checks a filled-in job form before anything is sent, against what the services announced: a producer and a
 * receiver chosen, the receiver one that reads the producer's topic, times that read as times with From before To,
 * entity ids of the suite's format (every producer's entities are accounts or transfers, keyed by UUIDs), at most
 * 1000 of them (the API's limit), event names the producer publishes, and a reason (the API requires one).
 */
final class JobFormCheck {

    /** The ops API's limit on {@code entityIds}. */
    static final int MAX_ENTITY_IDS = 1000;

    /**
     * The form's outcome: the service to ask and its request, or what is wrong (then nothing is sent).
     *
     * @param service the producing service (null when the producer is missing)
     * @param request the dry run's request (null when {@code problems} is not empty)
     * @param problems what the person must correct, one sentence each
     */
    record Checked(String service, ReconstitutionJobRequest request, List<String> problems) {
    }

    private JobFormCheck() {
    }

    static Checked check(JobForm form, Announcements announced) {
        List<String> problems = new ArrayList<>();
        Optional<ProducerChoice> producer = announced.producer(form.getProducer().strip());
        if (form.getProducer().isBlank()) {
            problems.add("Choose a producer.");
        } else if (producer.isEmpty()) {
            problems.add("No service announces the producer " + form.getProducer().strip() + ".");
        }
        String receiver = form.getReceiver().strip();
        if (receiver.isEmpty()) {
            problems.add("Choose a receiver.");
        } else if (producer.isPresent() && !producer.get().receivers().contains(receiver)) {
            problems.add(receiver + " does not read " + producer.get().topic() + "; for "
                    + producer.get().name() + " choose one of " + producer.get().receivers() + ".");
        }
        OffsetDateTime from = time("From", form.getFrom(), problems);
        OffsetDateTime to = time("To", form.getTo(), problems);
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add("From must be before To.");
        }
        List<String> entityIds = entityIds(form.getEntityIds(), problems);
        producer.ifPresent(known -> form.getEventNames().stream().filter(name -> !known.eventNames().contains(name))
                .forEach(name -> problems.add(name + " is not an event of " + known.name() + ".")));
        if (form.getReason().isBlank()) {
            problems.add("A reason is required.");
        }
        if (!problems.isEmpty()) {
            return new Checked(producer.map(ProducerChoice::service).orElse(null), null, problems);
        }
        ProducerChoice chosen = producer.orElseThrow();
        return new Checked(chosen.service(), new ReconstitutionJobRequest().receiver(receiver)
                .producer(new Producer().domain(chosen.domain()).entityType(chosen.entityType()))
                .from(from).to(to).entityIds(entityIds).eventNames(List.copyOf(form.getEventNames())).dryRun(true)
                .reason(form.getReason().strip()), List.of());
    }

    private static OffsetDateTime time(String field, String value, List<String> problems) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            problems.add(field + " is not a date and time (UTC, e.g. 2026-12-01T10:30): " + value.strip());
            return null;
        }
    }

    private static List<String> entityIds(String pasted, List<String> problems) {
        List<String> ids = Arrays.stream(pasted.split("[\\s,;]+")).filter(id -> !id.isEmpty()).distinct().toList();
        List<String> unknown = ids.stream().filter(id -> !isUuid(id)).toList();
        if (!unknown.isEmpty()) {
            problems.add("Not an entity id (accounts and transfers are UUIDs): " + String.join(", ",
                    new LinkedHashSet<>(unknown.subList(0, Math.min(5, unknown.size()))))
                    + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "") + ".");
        }
        if (ids.size() > MAX_ENTITY_IDS) {
            problems.add("At most " + MAX_ENTITY_IDS + " entity ids, not " + ids.size() + "; use a time range.");
        }
        return ids;
    }

    private static boolean isUuid(String id) {
        try {
            return id.length() == 36 && UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
