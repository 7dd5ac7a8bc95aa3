package org.banksuite.bench.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.banksuite.launcher.demo.DemoAccount;

/**
 * What a chaos run did, as its client saw it, thread-safe: the accounts it opened (funded ones take part in
 * transfers; empty ones are closed), the transfers the suite accepted, the money it paid in at the core from another
 * bank, and each operation's outcomes. The checks compare the suite and the core against it.
 */
public final class RunBook {

    /** A transfer the suite accepted (202). Amounts in DKK, scale 2. */
    public record AcceptedTransfer(UUID transferId, String holder, Operation kind, BigDecimal amount) {
    }

    /**
     * Each operation's outcomes: {@code done} answered 2xx, {@code refused} by problem type, {@code gaveUp} unanswered
     * by every replica, {@code skipped} not sent for want of an account to act on (no empty account to close yet);
     * {@code slowestSeconds} the longest one took from its start to its end (its retries, and for an opening the
     * wait until the core opened the account, included).
     */
    public record Outcomes(int attempted, int done, Map<String, Integer> refused, int gaveUp, int skipped,
                           double slowestSeconds) {
    }

    private final Map<UUID, DemoAccount> accounts = new ConcurrentHashMap<>();
    private final List<DemoAccount> funded = new ArrayList<>();
    private final List<DemoAccount> empty = new ArrayList<>();
    private final Map<UUID, AcceptedTransfer> transfers = new ConcurrentHashMap<>();
    private final Set<UUID> openingsAccepted = ConcurrentHashMap.newKeySet();
    private final Map<Operation, int[]> counts = new EnumMap<>(Operation.class);
    private final Map<Operation, Map<String, Integer>> refusals = new EnumMap<>(Operation.class);
    private final Map<Operation, Long> slowest = new EnumMap<>(Operation.class);
    private BigDecimal paidIn = BigDecimal.ZERO.setScale(2);
    private int unknownPayIns;

    synchronized void opened(DemoAccount account, boolean withMoney) {
        accounts.put(account.accountId(), account);
        (withMoney ? funded : empty).add(account);
    }

    synchronized Optional<DemoAccount> anyFunded(Random random) {
        return funded.isEmpty() ? Optional.empty() : Optional.of(funded.get(random.nextInt(funded.size())));
    }

    synchronized Optional<DemoAccount> anotherFunded(DemoAccount not, Random random) {
        if (funded.size() < 2) {
            return Optional.empty();
        }
        DemoAccount other;
        do {
            other = funded.get(random.nextInt(funded.size()));
        } while (other.accountId().equals(not.accountId()));
        return Optional.of(other);
    }

    /** An empty account to close, taken out of the book's choices. */
    synchronized Optional<DemoAccount> takeEmpty() {
        return empty.isEmpty() ? Optional.empty() : Optional.of(empty.removeLast());
    }

    /** An opening the suite accepted (202 PENDING_ACTIVATION), whether or not the run waited until it was ACTIVE. */
    void openingAccepted(UUID accountId) {
        openingsAccepted.add(accountId);
    }

    /** Every account opening the suite accepted during the run, those the run gave up waiting for included. */
    public Set<UUID> openingsAccepted() {
        return Set.copyOf(openingsAccepted);
    }

    void accepted(AcceptedTransfer transfer) {
        transfers.put(transfer.transferId(), transfer);
    }

    synchronized void paidIn(BigDecimal amount) {
        paidIn = paidIn.add(amount);
    }

    /** A pay-in at the core whose outcome the run does not know (the call failed after it was sent). */
    synchronized void payInUnknown() {
        unknownPayIns++;
    }

    synchronized void attempted(Operation operation) {
        counts.computeIfAbsent(operation, o -> new int[4])[0]++;
    }

    synchronized void done(Operation operation) {
        counts.computeIfAbsent(operation, o -> new int[4])[1]++;
    }

    synchronized void refused(Operation operation, String problemType) {
        refusals.computeIfAbsent(operation, o -> new TreeMap<>()).merge(problemType, 1, Integer::sum);
    }

    synchronized void gaveUp(Operation operation) {
        counts.computeIfAbsent(operation, o -> new int[4])[2]++;
    }

    synchronized void took(Operation operation, java.time.Duration duration) {
        slowest.merge(operation, duration.toMillis(), Math::max);
    }

    synchronized void skipped(Operation operation) {
        counts.computeIfAbsent(operation, o -> new int[4])[3]++;
    }

    public synchronized Map<Operation, Outcomes> outcomes() {
        Map<Operation, Outcomes> outcomes = new EnumMap<>(Operation.class);
        counts.forEach((operation, c) -> outcomes.put(operation, new Outcomes(c[0], c[1],
                Map.copyOf(refusals.getOrDefault(operation, Map.of())), c[2], c[3],
                slowest.getOrDefault(operation, 0L) / 1000.0)));
        return outcomes;
    }

    public List<DemoAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    public Map<UUID, AcceptedTransfer> transfers() {
        return Map.copyOf(transfers);
    }

    /** The money paid in at the core from another bank, DKK. */
    public synchronized BigDecimal paidIn() {
        return paidIn;
    }

    public synchronized int unknownPayIns() {
        return unknownPayIns;
    }

    public synchronized int transfersAttempted() {
        int sum = 0;
        for (Operation operation : Operation.values()) {
            if (operation.transfer()) {
                sum += counts.getOrDefault(operation, new int[4])[0];
            }
        }
        return sum;
    }
}
