package org.banksuite.bench.stack;

/**
 * One process's counters at one moment, from {@code /proc}.
 *
 * @param pid      the process id
 * @param name     what it is: a service's jar name, {@code kafka}, {@code postgres: walwriter}, ...
 * @param cpuTicks user plus system time ({@code utime + stime} of {@code /proc/<pid>/stat}), in clock ticks
 * @param rssKiB   resident memory now ({@code VmRSS})
 * @param peakRssKiB the highest resident memory since the process started ({@code VmHWM})
 * @param pssKiB   its proportional share of resident memory ({@code Pss} of {@code /proc/<pid>/smaps_rollup}): pages
 *                 shared by several processes (PostgreSQL's shared buffers, the JDK's libraries) count once in a sum
 *                 of PSS, but once per process in a sum of RSS; 0 when unreadable
 */
public record ProcessSample(long pid, String name, long cpuTicks, long rssKiB, long peakRssKiB, long pssKiB) {
}
