package org.banksuite.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one process's CPU time and memory from Linux's {@code /proc}: {@code /proc/<pid>/stat} (fields 14 and 15,
 * {@code utime} and {@code stime}, counted after the command name's closing parenthesis because the name may hold
 * spaces) and {@code /proc/<pid>/status} ({@code VmRSS}, {@code VmHWM} in kB). See proc(5).
 */
public final class ProcFs {

    /** Linux's {@code USER_HZ}: 100 on every architecture the suite runs on ({@code getconf CLK_TCK}). */
    public static final long TICKS_PER_SECOND = 100;

    private final Path proc;

    public ProcFs(Path proc) {
        this.proc = proc;
    }

    /** The machine's {@code /proc}. */
    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** The process's counters now; empty when it has exited meanwhile or cannot be read. */
    public Optional<ProcessSample> sample(long pid) {
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            String status = Files.readString(proc.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8);
            return Optional.of(new ProcessSample(pid, name(pid, stat), cpuTicks(stat), kib(status, "VmRSS:"),
                    kib(status, "VmHWM:"), pss(pid)));
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return Optional.empty();
        }
    }

    /** The process's command line with NULs as spaces; empty if unreadable. */
    public String commandLine(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private long pss(long pid) {
        try {
            return kib(Files.readString(proc.resolve(Long.toString(pid)).resolve("smaps_rollup")), "Pss:");
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** {@code utime + stime} from a {@code /proc/<pid>/stat} line. */
    static long cpuTicks(String stat) {
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // afterName[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(afterName[11]) + Long.parseLong(afterName[12]);
    }

    /** A {@code kB} value of {@code /proc/<pid>/status}; 0 when absent (a kernel thread, a zombie). */
    static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    private String name(long pid, String stat) {
        String command = commandLine(pid);
        return ProcessNames.of(command, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    }
}
