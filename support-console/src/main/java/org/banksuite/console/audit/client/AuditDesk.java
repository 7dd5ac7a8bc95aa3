package org.banksuite.console.audit.client;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.banksuite.api.ops.client.AuditApi;
import org.banksuite.api.ops.client.model.AuditEntry;
import org.banksuite.api.ops.client.model.AuditPage;
import org.banksuite.console.config.OpsServices;
import org.banksuite.console.deadletters.client.OpsRefusals;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The console's side of every service's audit log ({@code GET /ops/v1/audit}, ops-v1.yaml), called with the
 * signed-in person's token: who did what, when, why and with which outcome, across services, filtered by the
 * console (the API filters by sequence or job only). A service that fails is reported; the others still list.
 */
@Component
public class AuditDesk {

    /** The API's page size maximum; at most this many pages (the newest entries) per service are read. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;

    private final OpsServices services;

    public AuditDesk(OpsServices services) {
        this.services = services;
    }

    /** The configured services' names, in configuration order. */
    public List<String> serviceNames() {
        return services.names();
    }

    /** Every service's entries that pass {@code query}, newest first. */
    public AuditLog list(AuditQuery query) {
        List<AuditRow> rows = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (String service : services.names()) {
            if (!query.includesService(service)) {
                continue;
            }
            AuditApi api = services.audit(service).orElseThrow();
            try {
                String cursor = null;
                for (int page = 0; page < MAX_PAGES; page++) {
                    AuditPage answer = api.listAuditEntries(null, null, PAGE_SIZE, cursor);
                    answer.getItems().stream().filter(query::matches).forEach(entry -> rows.add(new AuditRow(service, entry)));
                    cursor = answer.getNextCursor();
                    if (cursor == null || olderThanWanted(answer.getItems(), query)) {
                        break;
                    }
                }
            } catch (RestClientException failed) {
                unavailable.add(OpsRefusals.describe(service, failed));
            }
        }
        rows.sort(Comparator.comparing((AuditRow row) -> row.entry().getAt(),
                Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder())));
        return new AuditLog(rows, unavailable);
    }

    /** Newest first: once a page ends before {@code from}, later pages hold nothing wanted. */
    private static boolean olderThanWanted(List<AuditEntry> page, AuditQuery query) {
        return query.from() != null && !page.isEmpty() && page.getLast().getAt() != null
                && page.getLast().getAt().toInstant().isBefore(query.from());
    }
}
