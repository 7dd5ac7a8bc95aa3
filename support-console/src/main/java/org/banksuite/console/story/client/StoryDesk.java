package org.banksuite.console.story.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.banksuite.api.adapter.client.CoreOperationsApi;
import org.banksuite.api.adapter.client.model.CoreOperationPage;
import org.banksuite.api.adapter.client.model.CoreOperationSummary;
import org.banksuite.console.config.StoryApis;
import org.banksuite.console.deadletters.client.DeadLetterDesk;
import org.banksuite.console.deadletters.client.LetterQuery;
import org.banksuite.console.deadletters.client.OpsRefusals;
import org.banksuite.console.deadletters.client.ServiceLetters;
import org.banksuite.console.story.client.Timeline.Kind;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;

/**
 * Gathers an entity's story: its events from the topics ({@link EventTimeline}), its core operations from the
 * adapter's log ({@code GET /v1/core-operations?accountId=|transferId=}), its open dead letters (every service's
 * {@code /ops/v1/dead-letters?entityId=}; for a transfer also its accounts') and its open mismatches (reconciliation-service's
 * {@code GET /v1/mismatches?accountId=}; for a transfer, those of its debtor's and creditor's accounts whose
 * reference names the transfer). A source that fails is named in {@link Story#unavailable()}; the rest still shows.
 */
@Component
public class StoryDesk {

    static final String ADAPTER = "partner-bank-adapter";
    static final String RECONCILIATION = "reconciliation-service";
    /** The APIs' page size maximum, and at most this many pages of one list. */
    private static final int PAGE_SIZE = 200;
    private static final int MAX_PAGES = 5;

    private final EventTimeline timelines;
    private final StoryApis apis;
    private final DeadLetterDesk letters;

    public StoryDesk(EventTimeline timelines, StoryApis apis, DeadLetterDesk letters) {
        this.timelines = timelines;
        this.apis = apis;
        this.letters = letters;
    }

    /** The story of {@code entityId}, a UUID the caller has checked (lowercase). */
    public Story of(String entityId) {
        List<String> unavailable = new ArrayList<>();
        Timeline timeline = timelines.of(entityId);
        timeline.readings().stream().filter(reading -> !reading.available())
                .forEach(reading -> unavailable.add(reading.unavailable()));
        List<CoreOperationSummary> operations = coreOperations(entityId, timeline.kind(), unavailable);
        List<ServiceLetters> open = letters(entityId, timeline);
        open.stream().filter(service -> !service.available()).map(service -> "Dead letters: " + service.unavailable())
                .distinct().forEach(unavailable::add);
        List<MismatchRow> mismatches = mismatches(entityId, timeline, unavailable);
        return new Story(timeline, operations, open, mismatches, unavailable);
    }

    /**
     * The letters whose sequence is the entity's; for a transfer also its accounts': a consumer sequences what it
     * reads by the record's key, so a transfer held up by its account's event (say transfers-service's letter of
     * {@code FundsReserved}) waits in the account's sequence.
     */
    private List<ServiceLetters> letters(String entityId, Timeline timeline) {
        Set<String> entities = new LinkedHashSet<>();
        entities.add(entityId);
        if (timeline.kind() == Kind.TRANSFER) {
            entities.addAll(timeline.accounts());
        }
        List<ServiceLetters> open = new ArrayList<>();
        entities.forEach(entity -> open.addAll(letters.list(new LetterQuery(null, entity, null, null, null))));
        return open;
    }

    private List<CoreOperationSummary> coreOperations(String entityId, Kind kind, List<String> unavailable) {
        if (apis.adapter().isEmpty()) {
            unavailable.add("Core operations: " + ADAPTER + " is not configured.");
            return List.of();
        }
        CoreOperationsApi api = apis.adapter().orElseThrow();
        List<CoreOperationSummary> operations = new ArrayList<>();
        try {
            if (kind != Kind.TRANSFER) {
                operations.addAll(coreOperations(api, entityId, null));
            }
            if (kind != Kind.ACCOUNT) {
                operations.addAll(coreOperations(api, null, entityId));
            }
        } catch (RestClientException failed) {
            unavailable.add("Core operations: " + OpsRefusals.describe(ADAPTER, failed));
        }
        return operations;
    }

    private static List<CoreOperationSummary> coreOperations(CoreOperationsApi api, String accountId,
                                                             String transferId) {
        List<CoreOperationSummary> operations = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            CoreOperationPage answer = api.listCoreOperations(accountId, transferId, PAGE_SIZE, cursor);
            operations.addAll(answer.getItems());
            cursor = answer.getNextCursor();
            if (cursor == null) {
                break;
            }
        }
        return operations;
    }

    private List<MismatchRow> mismatches(String entityId, Timeline timeline, List<String> unavailable) {
        if (apis.reconciliationService().isEmpty()) {
            unavailable.add("Mismatches: " + RECONCILIATION + " is not configured.");
            return List.of();
        }
        boolean transfer = timeline.kind() == Kind.TRANSFER;
        Set<String> accounts = transfer ? timeline.accounts() : Set.of(entityId);
        List<MismatchRow> rows = new ArrayList<>();
        try {
            for (String account : accounts) {
                for (MismatchRow row : mismatchesOf(account)) {
                    if (!transfer || row.reference().equals(entityId) || row.reference().startsWith(entityId + "/")) {
                        rows.add(row);
                    }
                }
            }
        } catch (RestClientException failed) {
            unavailable.add("Mismatches: " + OpsRefusals.describe(RECONCILIATION, failed));
        }
        return rows;
    }

    private List<MismatchRow> mismatchesOf(String accountId) {
        List<MismatchRow> rows = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String after = cursor;
            JsonNode answer = apis.reconciliationService().orElseThrow().get()
                    .uri(uri -> {
                        uri.path("/v1/mismatches").queryParam("accountId", accountId).queryParam("limit", PAGE_SIZE);
                        return after == null ? uri.build() : uri.queryParam("cursor", after).build();
                    })
                    .retrieve().body(JsonNode.class);
            if (answer == null) {
                break;
            }
            answer.path("items").forEach(item -> rows.add(new MismatchRow(text(item, "mismatchId"),
                    text(item, "kind"), text(item, "accountId"), text(item, "reference"),
                    money(item.path("coreAmount")), money(item.path("suiteAmount")), text(item, "detectedAt"))));
            cursor = answer.path("nextCursor").isString() ? answer.path("nextCursor").stringValue() : null;
            if (cursor == null) {
                break;
            }
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).stringValue() : "";
    }

    private static String money(JsonNode amount) {
        return amount.isObject() ? text(amount, "amount") + " " + text(amount, "currency") : "";
    }
}
