package org.banksuite.reconciliation.ledger.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, from what is out of step now and what is already tracked, which discrepancies to start tracking, which to
 * raise (published once), which to resolve (published once) and which to forget silently (they healed within the
 * grace period, so nobody ever heard of them).
 */
public final class MismatchLifecycle {

    private MismatchLifecycle() {
    }

    /**
     * @param current   every discrepancy found now, at most one per key
     * @param tracked   every unresolved mismatch, at most one per key
     * @param now       the time of this check
     * @param grace     how long a discrepancy must last before it is raised; in-flight work (a posting not yet synced,
     *                  a record on another topic not yet read) heals within it
     * @return what to do
     */
    public static Decisions decide(List<Discrepancy> current, List<TrackedMismatch> tracked, Instant now,
                                   Duration grace) {
        Map<Discrepancy.Key, TrackedMismatch> byKey = tracked.stream()
                .collect(Collectors.toMap(TrackedMismatch::key, Function.identity()));
        Map<Discrepancy.Key, Discrepancy> found = current.stream()
                .collect(Collectors.toMap(Discrepancy::key, Function.identity(), (first, second) -> first));
        List<Discrepancy> notice = new ArrayList<>();
        List<Raise> raise = new ArrayList<>();
        List<Discrepancy> update = new ArrayList<>();
        List<TrackedMismatch> resolve = new ArrayList<>();
        List<TrackedMismatch> forget = new ArrayList<>();
        for (Discrepancy discrepancy : found.values()) {
            TrackedMismatch known = byKey.get(discrepancy.key());
            if (known == null) {
                notice.add(discrepancy);
            } else if (!known.raised() && !now.isBefore(known.noticedAt().plus(grace))) {
                raise.add(new Raise(known, discrepancy));
            } else {
                update.add(discrepancy);
            }
        }
        for (TrackedMismatch known : tracked) {
            if (!found.containsKey(known.key())) {
                (known.raised() ? resolve : forget).add(known);
            }
        }
        return new Decisions(notice, raise, update, resolve, forget);
    }

    /** A tracked discrepancy that outlasted the grace period, with its current amounts. */
    public record Raise(TrackedMismatch tracked, Discrepancy now) {
    }

    /**
     * @param notice  new discrepancies to track from now on
     * @param raise   tracked ones that outlasted the grace period: publish them
     * @param update  tracked ones still there: keep their amounts current, publish nothing
     * @param resolve raised ones that are gone: publish their resolution
     * @param forget  tracked ones that healed within the grace period: drop them, publish nothing
     */
    public record Decisions(List<Discrepancy> notice, List<Raise> raise, List<Discrepancy> update,
                            List<TrackedMismatch> resolve, List<TrackedMismatch> forget) {
    }
}
