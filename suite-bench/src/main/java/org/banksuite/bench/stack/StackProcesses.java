package org.banksuite.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every process of a running stack: the launcher and all its descendants (the services, Kafka), and the PostgreSQL
 * postmaster with its backends. The postmaster is found separately because {@code pg_ctl} detaches it from the
 * launcher (its parent is init): it is the {@code postgres} process whose command line names the stack's data
 * directory. Processes are looked up afresh at each {@link #sample()}, so a PostgreSQL backend started for a new
 * connection is counted from then on.
 */
public final class StackProcesses {

    private final ProcFs proc;
    private final List<Long> rootPids;
    private final Optional<Path> postgresDataDirectory;

    /**
     * @param rootPids              processes whose whole tree belongs to the stack (the launcher's pid)
     * @param postgresDataDirectory the data directory of the stack's PostgreSQL, if it runs one
     */
    public StackProcesses(ProcFs proc, List<Long> rootPids, Optional<Path> postgresDataDirectory) {
        this.proc = proc;
        this.rootPids = List.copyOf(rootPids);
        this.postgresDataDirectory = postgresDataDirectory.map(path -> path.toAbsolutePath().normalize());
    }

    /** The counters of every process of the stack now. */
    public StackSample sample() {
        List<ProcessSample> samples = new ArrayList<>();
        for (long pid : pids()) {
            proc.sample(pid).ifPresent(samples::add);
        }
        return new StackSample(System.nanoTime(), samples);
    }

    /** The pids of the stack now: each root with its descendants, then the postmaster with its children. */
    public Set<Long> pids() {
        Set<Long> pids = new LinkedHashSet<>();
        Stream.concat(rootPids.stream(), postmaster().stream()).forEach(root -> ProcessHandle.of(root).ifPresent(handle -> {
            pids.add(handle.pid());
            handle.descendants().forEach(descendant -> pids.add(descendant.pid()));
        }));
        return pids;
    }

    private Optional<Long> postmaster() {
        if (postgresDataDirectory.isEmpty()) {
            return Optional.empty();
        }
        Path pidFile = postgresDataDirectory.get().resolve("postmaster.pid");
        try {
            // the first line of postmaster.pid is the postmaster's pid (PostgreSQL's storage layout)
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return proc.commandLine(pid).contains(postgresDataDirectory.get().toString()) ? Optional.of(pid)
                    : Optional.empty();
        } catch (IOException | RuntimeException notRunning) {
            return Optional.empty();
        }
    }
}
