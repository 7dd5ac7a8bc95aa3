package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether every account opening the suite accepted (202 {@code PENDING_ACTIVATION}) was carried to its end once the
 * suite healed: opened at the core ({@code ACTIVE}, or since {@code BLOCKED} or {@code CLOSED} by the run) or refused
 * by it ({@code REJECTED}), never left pending. The run waits a few minutes for each opening while the load runs and
 * counts the ones it gave up on; this check is what says none of them was lost. Read from accounts-service's query side
 * ({@code account_view} in the {@code accounts} database, what {@code GET /v1/accounts/{id}} answers from), every two
 * seconds until all ended or the patience is over.
 */
final class OpeningOutcomes {

    private static final String NAME = "every accepted account opening ended (opened or refused by the core)";
    private static final Duration ROUND = Duration.ofSeconds(2);

    private OpeningOutcomes() {
    }

    static Check everyOpeningEnded(StackDatabases databases, Set<UUID> accepted, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<UUID, String> states = new HashMap<>();
        while (true) {
            try {
                states = read(databases, accepted);
            } catch (IllegalStateException unreachable) {
                // PostgreSQL still restarting: the last round's states stand
            }
            Map<UUID, String> seen = states;
            List<String> pending = accepted.stream().filter(id -> !ended(seen.get(id)))
                    .map(id -> id + " " + seen.get(id)).sorted().toList();
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                long active = seen.values().stream().filter("ACTIVE"::equals).count();
                long rejected = seen.values().stream().filter("REJECTED"::equals).count();
                return Check.of(NAME, accepted.size() + " accepted: " + active + " ACTIVE, " + rejected
                        + " REJECTED, " + (accepted.size() - active - rejected - pending.size())
                        + " blocked or closed since, " + pending.size() + " not ended", pending);
            }
            try {
                Thread.sleep(ROUND);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Check.of(NAME, "interrupted", List.of("interrupted"));
            }
        }
    }

    private static Map<UUID, String> read(StackDatabases databases, Set<UUID> accepted) {
        Map<UUID, String> states = new HashMap<>();
        for (String[] row : databases.query("accounts", "select account_id, status from account_view")) {
            UUID accountId = UUID.fromString(row[0]);
            if (accepted.contains(accountId)) {
                states.put(accountId, row[1]);
            }
        }
        return states;
    }

    private static boolean ended(String status) {
        return status != null && !status.equals("PENDING_ACTIVATION");
    }
}
