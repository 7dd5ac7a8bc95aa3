package org.banksuite.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the postmaster running on a data directory (from its {@code postmaster.pid}), and stops one
 * left behind, e.g. by a parent killed before it could stop it. Fast shutdown (SIGINT): clean, no
 * crash recovery.
 */
final class Postmaster {

    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);

    private Postmaster() {
    }

    static Optional<ProcessHandle> find(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().orElse("").contains("postgres"));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    static void stopIfRunning(Path dataDirectory, Duration timeout) {
        find(dataDirectory).ifPresent(postmaster -> {
            LOG.warn("PostgreSQL (pid {}) is still running on {}, stopping it first", postmaster.pid(), dataDirectory);
            signal(postmaster.pid(), "INT");
            try {
                postmaster.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") on " + dataDirectory
                        + " did not stop within " + timeout.toSeconds() + " s", e);
            }
        });
    }

    /**
     * Waits until a dead postmaster has left the process table ({@code /proc/<pid>} gone): killed, it stays a zombie
     * until its parent (the init process: {@code pg_ctl} daemonised it) reaps it, and a new postmaster takes a zombie
     * for a running server. Returns at once for -1 or where there is no {@code /proc}; logs and returns when
     * {@code timeout} passes.
     */
    static void awaitGone(long pid, Duration timeout) {
        if (pid < 0 || !Files.isDirectory(Path.of("/proc"))) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
            if (System.nanoTime() > deadline) {
                LOG.warn("the dead postmaster {} is still in the process table after {} s", pid, timeout.toSeconds());
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits until no process works in the data directory any more (Linux: a {@code /proc/<pid>/cwd} pointing
     * there): the backends of a postmaster killed with SIGKILL notice its death and exit shortly after, and until
     * they have, a new postmaster refuses the shared memory they still hold. Returns at once where there is no
     * {@code /proc}; logs and returns when {@code timeout} passes.
     */
    static void awaitNoneWorkingIn(Path dataDirectory, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> lingering = workingIn(dataDirectory);
        while (!lingering.isEmpty()) {
            if (System.nanoTime() > deadline) {
                LOG.warn("processes {} still work in {} after {} s", lingering, dataDirectory, timeout.toSeconds());
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            lingering = workingIn(dataDirectory);
        }
    }

    private static List<Long> workingIn(Path dataDirectory) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        try (var processes = Files.list(proc)) {
            return processes.filter(process -> process.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(process -> worksIn(process, dataDirectory))
                    .map(process -> Long.parseLong(process.getFileName().toString()))
                    .toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static boolean worksIn(Path process, Path dataDirectory) {
        try {
            return Files.readSymbolicLink(process.resolve("cwd")).equals(dataDirectory);
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return false;
        }
    }

    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
