package org.banksuite.bench.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of every process of the stack at one moment.
 *
 * @param takenAtNanos {@link System#nanoTime()} when sampled
 */
public record StackSample(long takenAtNanos, List<ProcessSample> processes) {

    public StackSample {
        processes = List.copyOf(processes);
    }

    /** The same sample restricted to the processes {@code keep} accepts. */
    public StackSample only(java.util.function.Predicate<ProcessSample> keep) {
        return new StackSample(takenAtNanos, processes.stream().filter(keep).toList());
    }

    /** The stack's resident memory now, summed over its processes, in bytes. */
    public long rssBytes() {
        return processes.stream().mapToLong(ProcessSample::rssKiB).sum() * 1024;
    }

    /** The stack's proportional resident memory now (shared pages counted once), summed over its processes, bytes. */
    public long pssBytes() {
        return processes.stream().mapToLong(ProcessSample::pssKiB).sum() * 1024;
    }

    /**
     * The CPU time the stack used between {@code earlier} and this sample, in milliseconds: the growth of each
     * process's ticks; a process that started meanwhile counts from zero, one that exited meanwhile is lost (its time
     * after the earlier sample cannot be read any more).
     */
    public double cpuMillisSince(StackSample earlier) {
        Map<Long, Long> before = new HashMap<>();
        earlier.processes().forEach(process -> before.put(process.pid(), process.cpuTicks()));
        long ticks = 0;
        for (ProcessSample process : processes) {
            ticks += Math.max(0, process.cpuTicks() - before.getOrDefault(process.pid(), 0L));
        }
        return ticks * 1000.0 / ProcFs.TICKS_PER_SECOND;
    }

    /** The CPU time of each named part (services, kafka, postgres summed over its backends) since {@code earlier}, ms. */
    public Map<String, Double> cpuMillisByPartSince(StackSample earlier) {
        Map<Long, Long> before = new HashMap<>();
        earlier.processes().forEach(process -> before.put(process.pid(), process.cpuTicks()));
        Map<String, Double> byPart = new java.util.TreeMap<>();
        for (ProcessSample process : processes) {
            long ticks = Math.max(0, process.cpuTicks() - before.getOrDefault(process.pid(), 0L));
            byPart.merge(part(process.name()), ticks * 1000.0 / ProcFs.TICKS_PER_SECOND, Double::sum);
        }
        return byPart;
    }

    /** The resident memory of each named part now, bytes: its processes' PSS (shared pages counted once). */
    public Map<String, Long> pssBytesByPart() {
        Map<String, Long> byPart = new java.util.TreeMap<>();
        processes.forEach(process -> byPart.merge(part(process.name()), process.pssKiB() * 1024, Long::sum));
        return byPart;
    }

    private static String part(String processName) {
        return processName.startsWith("postgres") ? "postgres" : processName;
    }
}
