package org.banksuite.console.deadletters.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.banksuite.api.ops.client.DeadLettersApi;
import org.banksuite.api.ops.client.model.Cause;
import org.banksuite.api.ops.client.model.DeadLetterSequence;
import org.banksuite.api.ops.client.model.DeadLetterSequenceDetail;
import org.banksuite.api.ops.client.model.DeadLetterSequencePage;
import org.banksuite.api.ops.client.model.EvictionOutcome;
import org.banksuite.api.ops.client.model.EvictionRequest;
import org.banksuite.api.ops.client.model.RetryOutcome;
import org.banksuite.api.ops.client.model.RetryReport;
import org.banksuite.console.config.OpsServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The console's side of every service's dead-letter API ({@code /ops/v1/dead-letters}, ops-v1.yaml), called with the
 * signed-in person's token: lists across services (a service that fails is reported, the others still list), one
 * sequence's detail, retry one, retry all of a service, evict with a reason. Every answer, refusals included, comes
 * back as an {@link OpsAnswer} or a {@link ServiceLetters}: nothing here throws for what a service answers.
 */
@Component
public class DeadLetterDesk {

    /** The API's page size maximum; at most this many pages per service are read for one list. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;

    private final OpsServices services;
    private final Clock clock;

    /** The desk over the configured services' clients, ages measured by the system clock. */
    @Autowired
    public DeadLetterDesk(OpsServices services) {
        this(services, Clock.systemUTC());
    }

    DeadLetterDesk(OpsServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** The configured services' names, in configuration order. */
    public List<String> serviceNames() {
        return services.names();
    }

    /** Every service's sequences that pass {@code query}, longest-failing first within each service. */
    public List<ServiceLetters> list(LetterQuery query) {
        Instant now = clock.instant();
        List<ServiceLetters> all = new ArrayList<>();
        for (String service : services.names()) {
            if (query.includesService(service)) {
                all.add(listOf(service, query, now));
            }
        }
        return all;
    }

    private ServiceLetters listOf(String service, LetterQuery query, Instant now) {
        DeadLettersApi api = services.deadLetters(service).orElseThrow();
        try {
            List<LetterRow> rows = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                DeadLetterSequencePage answer = api.listDeadLetterSequences(null, LetterQuery.given(query.entity()),
                        LetterQuery.given(query.eventType()), null, PAGE_SIZE, cursor);
                answer.getItems().stream().map(sequence -> row(service, sequence))
                        .filter(row -> query.matches(row, now)).forEach(rows::add);
                cursor = answer.getNextCursor();
                if (cursor == null) {
                    break;
                }
            }
            rows.sort(Comparator.comparing(LetterRow::firstFailure));
            return new ServiceLetters(service, rows, null);
        } catch (RestClientException failed) {
            return new ServiceLetters(service, List.of(), OpsRefusals.describe(service, failed));
        }
    }

    /** One sequence, every letter (payload masked by the service for a person without {@code support-lead}). */
    public OpsAnswer<DeadLetterSequenceDetail> detail(String service, String processingGroup, String sequenceId) {
        return call(service, api -> {
            DeadLetterSequenceDetail detail = api.getDeadLetterSequence(sequenceId, processingGroup);
            return OpsAnswer.done("", detail);
        });
    }

    /** Retries one sequence now; the answer says whether it was processed or still fails, and why. */
    public OpsAnswer<RetryOutcome> retry(String service, String processingGroup, String sequenceId) {
        return call(service, api -> {
            RetryOutcome outcome = api.retryDeadLetterSequence(sequenceId, processingGroup, null);
            return new OpsAnswer<>(true, "Retried " + sequenceId + " (" + processingGroup + ") on " + service + ": "
                    + outcome.getOutcome() + ", " + outcome.getRemainingLetters() + " letter(s) remaining"
                    + cause(outcome.getCause()) + ".", outcome);
        });
    }

    /** Retries every sequence of the service now (a support lead's action). */
    public OpsAnswer<RetryReport> retryAll(String service) {
        return call(service, api -> {
            RetryReport report = api.retryAllDeadLetters(null, null);
            return OpsAnswer.done("Retried all of " + service + ": " + report.getProcessed() + " processed, "
                    + report.getStillFailing() + " still failing.", report);
        });
    }

    /**
     * Evicts one sequence for {@code reason} (a support lead's action).
     *
     * @throws IllegalArgumentException when the reason is blank (the page refuses it before calling)
     */
    public OpsAnswer<EvictionOutcome> evict(String service, String processingGroup, String sequenceId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return call(service, api -> {
            EvictionOutcome outcome = api.evictDeadLetterSequence(sequenceId, new EvictionRequest().reason(reason.strip()),
                    processingGroup);
            return OpsAnswer.done("Evicted " + sequenceId + " (" + processingGroup + ") on " + service + ": "
                    + outcome.getEvictedEventIds().size() + " letter(s) dropped " + outcome.getEvictedEventIds() + ".",
                    outcome);
        });
    }

    private <T> OpsAnswer<T> call(String service, Function<DeadLettersApi, OpsAnswer<T>> call) {
        return services.deadLetters(service).map(api -> {
            try {
                return call.apply(api);
            } catch (RestClientException failed) {
                return OpsAnswer.<T>refused(OpsRefusals.describe(service, failed));
            }
        }).orElseGet(() -> OpsAnswer.refused("No service " + service + " is configured."));
    }

    private static LetterRow row(String service, DeadLetterSequence sequence) {
        return new LetterRow(service, sequence.getProcessingGroup(), sequence.getSequenceId(), sequence.getEventType(),
                describe(sequence.getCause()), sequence.getAttempts() == null ? 0 : sequence.getAttempts(),
                sequence.getLetters() == null ? 0 : sequence.getLetters(), sequence.getFirstFailure().toInstant());
    }

    static String describe(Cause cause) {
        return cause == null ? "" : cause.getType() + ": " + cause.getMessage();
    }

    private static String cause(Cause cause) {
        return cause == null ? "" : " (" + describe(cause) + ")";
    }
}
