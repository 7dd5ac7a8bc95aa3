package org.banksuite.bench.chaos;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays a {@link FaultPlan} against the running stack: {@code kill -9} of a process (the launcher starts it again),
 * SIGSTOP and later SIGCONT, and the partner core's faults through {@link CoreFaults}. Each fault looks the process up
 * in the {@link ProcessTable} at its time (a restarted process has a new pid). {@link #stop()} ends every fault still
 * in force: resumes paused processes and clears the core's faults.
 */
public final class FaultInjector {

    private final ProcessTable processes;
    private final CoreFaults core;
    private final Consumer<String> say;
    private final ScheduledExecutorService endings = Executors.newSingleThreadScheduledExecutor();
    private final Map<Fault.Kind, Integer> injected = new EnumMap<>(Fault.Kind.class);
    private final List<String> log = new ArrayList<>();
    private final List<Long> paused = new ArrayList<>();
    private Thread thread;
    private volatile Instant lastFaultEnded = Instant.now();
    private volatile boolean stopped;

    public FaultInjector(ProcessTable processes, CoreFaults core, Consumer<String> say) {
        this.processes = processes;
        this.core = core;
        this.say = say;
    }

    /** Starts playing the plan, its offsets counted from now. */
    public FaultInjector start(List<Fault> plan) {
        long start = System.nanoTime();
        thread = Thread.ofPlatform().name("chaos-faults").daemon().start(() -> {
            for (Fault fault : plan) {
                long wait = start + fault.at().toNanos() - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                inject(fault);
            }
        });
        return this;
    }

    private void inject(Fault fault) {
        try {
            switch (fault.kind()) {
                case KILL -> kill(fault);
                case PAUSE -> pause(fault);
                default -> {
                    core.begin(fault.kind());
                    endings.schedule(() -> end(() -> core.end(fault.kind())), fault.duration().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
            record(fault, fault.describe());
        } catch (RuntimeException | IOException failed) {
            record(null, "could not " + fault.describe() + ": " + failed.getMessage());
        }
    }

    private void kill(Fault fault) {
        ProcessHandle process = running(fault.target()).orElseThrow(
                () -> new IllegalStateException(fault.target() + " is not running"));
        process.destroyForcibly(); // SIGKILL, as kill -9
        lastFaultEnded = Instant.now();
    }

    private void pause(Fault fault) throws IOException {
        ProcessHandle process = running(fault.target()).orElseThrow(
                () -> new IllegalStateException(fault.target() + " is not running"));
        signal("STOP", process.pid());
        synchronized (paused) {
            paused.add(process.pid());
        }
        endings.schedule(() -> end(() -> resume(process.pid())), fault.duration().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resume(long pid) {
        synchronized (paused) {
            if (!paused.remove(pid)) {
                return;
            }
        }
        try {
            signal("CONT", pid);
        } catch (IOException e) {
            say.accept("could not resume pid " + pid + ": " + e.getMessage());
        }
    }

    private void end(Runnable ending) {
        try {
            ending.run();
        } catch (RuntimeException e) {
            say.accept("could not end a fault: " + e.getMessage());
        }
        lastFaultEnded = Instant.now();
    }

    private Optional<ProcessHandle> running(String label) {
        return processes.find(label).flatMap(entry -> ProcessHandle.of(entry.pid())).filter(ProcessHandle::isAlive);
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private synchronized void record(Fault fault, String line) {
        if (fault != null) {
            injected.merge(fault.kind(), 1, Integer::sum);
        }
        log.add(Instant.now() + " " + line);
        say.accept("  fault: " + line);
    }

    /** Waits until every fault of the plan was injected, at most {@code patience}. */
    public void awaitPlan(Duration patience) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the plan and ends every fault in force: paused processes resumed, the core's faults cleared and its quota
     * restored. Idempotent.
     */
    public void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        endings.shutdownNow();
        List<Long> stillPaused;
        synchronized (paused) {
            stillPaused = List.copyOf(paused);
        }
        stillPaused.forEach(this::resume);
        if (core.endAll() || !stillPaused.isEmpty()) {
            lastFaultEnded = Instant.now();
        }
    }

    /** How many faults of each kind were injected. */
    public synchronized Map<Fault.Kind, Integer> injected() {
        Map<Fault.Kind, Integer> counts = new EnumMap<>(Fault.Kind.class);
        for (Fault.Kind kind : Fault.Kind.values()) {
            counts.put(kind, injected.getOrDefault(kind, 0));
        }
        return counts;
    }

    /** What was done, with times (UTC). */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** When the last fault ended: a kill's moment, a pause's SIGCONT, a core fault's clearing. */
    public Instant lastFaultEnded() {
        return lastFaultEnded;
    }
}
