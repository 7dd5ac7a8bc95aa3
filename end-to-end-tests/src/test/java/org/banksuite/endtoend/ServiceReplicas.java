package org.banksuite.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.banksuite.bench.chaos.ProcessTable;
import org.banksuite.bench.suite.LocalSuite;

/**
 * Every replica of one service of the {@link RunningSuite}, found in the launcher's process table, paused together
 * ({@code SIGSTOP}, which the launcher leaves alone) to keep the whole service down until {@link #resume}.
 */
final class ServiceReplicas {

    private final ProcessTable processes;
    private final String service;

    ServiceReplicas(ProcessTable processes, String service) {
        this.processes = processes;
        this.service = service;
    }

    /** Until every replica answers ready. */
    private void awaitReady(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!replicas().stream().allMatch(entry -> LocalSuite.ready(entry.url()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(service + " was not ready within " + patience + ": " + replicas());
            }
            RunningSuite.sleep(Duration.ofMillis(500));
        }
    }

    /** {@code SIGSTOP} to every replica: the service answers nothing and consumes nothing until resumed. */
    void pause() {
        replicas().forEach(entry -> signal("STOP", entry.pid()));
    }

    /** {@code SIGCONT} to every replica, then until each answers ready. */
    void resume(Duration patience) {
        replicas().forEach(entry -> signal("CONT", entry.pid()));
        awaitReady(patience);
    }

    private List<ProcessTable.Entry> replicas() {
        List<ProcessTable.Entry> replicas = processes.read().stream().filter(entry -> entry.name().equals(service))
                .toList();
        if (replicas.isEmpty()) {
            throw new IllegalStateException("no process of " + service + " in the launcher's table");
        }
        return replicas;
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
