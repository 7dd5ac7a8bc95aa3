package org.banksuite.bench.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time of a PostgreSQL server on this machine, read from {@code /proc}: the postmaster's own user and system time,
 * that of its children which have exited (its {@code cutime}/{@code cstime}), and that of its live children (backends,
 * checkpointer, WAL writer...). Linux only; elsewhere, or for a server on another machine, it is unknown.
 */
final class PostgresCpu {

    /** The kernel's clock tick on Linux x86 and arm64 ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;

    private PostgresCpu() {
    }

    /** The postmaster of a backend: its parent process, if {@code /proc} shows it. */
    static OptionalLong postmasterOf(long backendPid) {
        try {
            long[] fields = statFields(backendPid);
            return fields == null ? OptionalLong.empty() : OptionalLong.of(fields[1]);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Milliseconds of CPU used so far by the postmaster and all its children, or empty if unreadable. */
    static OptionalLong millis(long postmasterPid) {
        try {
            long[] postmaster = statFields(postmasterPid);
            if (postmaster == null) {
                return OptionalLong.empty();
            }
            long ticks = postmaster[2] + postmaster[3] + postmaster[4] + postmaster[5];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(path -> path.getFileName().toString().chars()
                        .allMatch(Character::isDigit)).toList()) {
                    long[] child = statFields(Long.parseLong(process.getFileName().toString()));
                    if (child != null && child[1] == postmasterPid) {
                        ticks += child[2] + child[3];
                    }
                }
            }
            return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** pid, ppid, utime, stime, cutime, cstime of {@code /proc/<pid>/stat}, or null if the process is gone. */
    private static long[] statFields(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException gone) {
            return null;
        }
        // the command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // after[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
        return new long[] {pid, Long.parseLong(after[1]), Long.parseLong(after[11]), Long.parseLong(after[12]),
                Long.parseLong(after[13]), Long.parseLong(after[14])};
    }
}
