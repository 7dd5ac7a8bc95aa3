package org.banksuite.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of a chaos run, drawn from a seed: the same seed, processes and length give the same schedule. Every
 * process in {@code mustKill} is killed once, every kind of core fault happens once and at least one pause; then
 * faults of any kind until there is about one per {@code meanInterval}. They are spread evenly over the load's
 * expected length, in a shuffled order, each at a jittered time within its slot.
 */
public final class FaultPlan {

    private static final Duration SHORTEST_PAUSE = Duration.ofSeconds(2);
    private static final int PAUSE_SPREAD_SECONDS = 6;
    private static final Duration SHORTEST_CORE_FAULT = Duration.ofSeconds(8);
    private static final int CORE_FAULT_SPREAD_SECONDS = 15;

    private FaultPlan() {
    }

    /**
     * @param seed         the schedule's seed
     * @param processes    the labels of every process that may be killed or paused (service replicas, postgres, kafka)
     * @param mustKill     the labels killed at least once (a subset of {@code processes})
     * @param length       how long the load is expected to run
     * @param meanInterval about one fault per this much time, beyond the ones required
     * @return the faults, by time
     * @throws IllegalArgumentException when {@code mustKill} names a process not in {@code processes}
     */
    public static List<Fault> draw(long seed, List<String> processes, List<String> mustKill, Duration length,
                                   Duration meanInterval) {
        return draw(seed, processes, mustKill, true, length, meanInterval);
    }

    /** As {@link #draw(long, List, List, Duration, Duration)}; without the core's faults if {@code coreFaults} is false. */
    public static List<Fault> draw(long seed, List<String> processes, List<String> mustKill, boolean coreFaults,
                                   Duration length, Duration meanInterval) {
        for (String label : mustKill) {
            if (!processes.contains(label)) {
                throw new IllegalArgumentException("cannot kill " + label + ": the stack has " + processes);
            }
        }
        Random random = new Random(seed);
        List<String> targets = processes.stream().sorted().toList();
        List<Fault.Kind> kinds = new ArrayList<>();
        List<String> kindTargets = new ArrayList<>();
        mustKill.stream().sorted().forEach(label -> {
            kinds.add(Fault.Kind.KILL);
            kindTargets.add(label);
        });
        kinds.add(Fault.Kind.PAUSE);
        kindTargets.add(targets.get(random.nextInt(targets.size())));
        for (Fault.Kind kind : Fault.Kind.values()) {
            if (kind.atTheCore() && coreFaults) {
                kinds.add(kind);
                kindTargets.add("");
            }
        }
        long wanted = Math.max(kinds.size(), length.toSeconds() / Math.max(1, meanInterval.toSeconds()));
        Fault.Kind[] all = coreFaults ? Fault.Kind.values() : new Fault.Kind[] {Fault.Kind.KILL, Fault.Kind.PAUSE};
        while (kinds.size() < wanted) {
            Fault.Kind kind = all[random.nextInt(all.length)];
            kinds.add(kind);
            kindTargets.add(kind.atTheCore() ? "" : targets.get(random.nextInt(targets.size())));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        double slot = length.toMillis() / (double) kinds.size();
        List<Fault> faults = new ArrayList<>();
        for (int position = 0; position < order.size(); position++) {
            int i = order.get(position);
            Duration at = Duration.ofMillis((long) (slot * position + slot * (0.1 + 0.8 * random.nextDouble())));
            faults.add(new Fault(at, kinds.get(i), kindTargets.get(i), duration(kinds.get(i), random)));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return List.copyOf(faults);
    }

    private static Duration duration(Fault.Kind kind, Random random) {
        return switch (kind) {
            case KILL -> Duration.ZERO;
            case PAUSE -> SHORTEST_PAUSE.plusSeconds(random.nextInt(PAUSE_SPREAD_SECONDS));
            default -> SHORTEST_CORE_FAULT.plusSeconds(random.nextInt(CORE_FAULT_SPREAD_SECONDS));
        };
    }
}
