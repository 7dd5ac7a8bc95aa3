package org.banksuite.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.banksuite.infra.LogTail;

/**
 * Keeps the launcher in the foreground, reports any part of the stack that dies on its own (a process stopped with
 * SIGSTOP is alive: it is left alone) and, unless {@code SUITE_RESTART=no}, starts it again after a short back-off
 * ({@link RestartPolicy}): PostgreSQL, Kafka, or a service replica. {@code .suite/processes.json} is rewritten after
 * every restart. Nothing is restarted once the shutdown has begun.
 */
final class StackMonitor {

    private final LocalStack stack;
    private final RestartPolicy restart;
    private final Set<String> reported = new HashSet<>();
    private final Map<String, PartHistory> histories = new HashMap<>();
    private volatile boolean stopping;

    StackMonitor(LocalStack stack, RestartPolicy restart) {
        this.stack = stack;
        this.restart = restart;
    }

    /** Called when the shutdown begins: parts stopping from then on are expected to. */
    void stopping() {
        stopping = true;
    }

    void watchUntilShutdown() throws InterruptedException {
        while (true) {
            Thread.sleep(1000);
            if (!stopping) {
                checkOnce();
            }
        }
    }

    /** One look at every part: each dead one is reported and, if restarts are on, started again. */
    void checkOnce() throws InterruptedException {
        if (!stack.postgres().isRunning()) {
            died("postgres", "PostgreSQL stopped unexpectedly\n" + LogTail.of(stack.layout().log("postgres"), 20),
                    stack::restartPostgres);
        }
        if (!stack.kafka().isRunning()) {
            died("kafka", "Kafka stopped unexpectedly\n" + LogTail.of(stack.kafka().logFile(), 20),
                    stack::restartKafka);
        }
        for (ServiceProcess service : stack.services()) {
            if (service.diedUnexpectedly()) {
                died(service.name(), service.name() + " (pid " + service.pid() + ") exited unexpectedly with code "
                        + service.exitCode() + "\n" + LogTail.of(service.logFile(), 30), () -> restartService(service));
            }
        }
    }

    private void died(String part, String message, Runnable restarter) throws InterruptedException {
        if (stopping) {
            return;
        }
        if (!restart.enabled()) {
            if (reported.add(part)) {
                Console.error(message + "\n(" + RestartPolicy.VARIABLE + "=no: not restarted; the rest keeps running;"
                        + " Ctrl-C stops everything)");
            }
            return;
        }
        PartHistory history = histories.computeIfAbsent(part, name -> new PartHistory());
        Duration backOff = RestartPolicy.backOff(history.died());
        Console.error(message + "\nrestarting " + part + " in " + backOff.toSeconds() + " s");
        Thread.sleep(backOff);
        if (stopping) {
            return;
        }
        try {
            restarter.run();
        } catch (RuntimeException e) {
            Console.error("restarting " + part + " failed: " + e.getMessage() + " (trying again)");
            return;
        } finally {
            history.restarted();
        }
        try {
            ProcessTable.write(stack.layout().processesFile(), stack.processes());
        } catch (RuntimeException e) {
            Console.warn(part + " restarted, but " + e.getMessage());
        }
    }

    private void restartService(ServiceProcess service) {
        long startedAt = System.nanoTime();
        if (!service.restart()) {
            return;
        }
        Console.step(service.name() + " restarted (pid " + service.pid() + ", restart " + service.restarts() + ")");
        Thread.ofVirtual().start(() -> {
            try {
                Readiness.await(service, Duration.ofSeconds(180));
                Console.step(service.name() + " ready again in "
                        + Duration.ofNanos(System.nanoTime() - startedAt).toSeconds() + " s");
            } catch (RuntimeException e) {
                if (!stopping) {
                    Console.warn(service.name() + " not ready after its restart: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        });
    }

    /** When the launcher last started a part again, and how many times in a row it died soon after. */
    private static final class PartHistory {

        private boolean restarted;
        private long restartedAt;
        private int quickDeaths;

        /** Called when the part is found dead: 0, or how many times in a row it died soon after a restart. */
        int died() {
            boolean quick = restarted
                    && Duration.ofNanos(System.nanoTime() - restartedAt).compareTo(RestartPolicy.STABLE_AFTER) < 0;
            quickDeaths = quick ? quickDeaths + 1 : 0;
            return quickDeaths;
        }

        /** Called after every attempt, successful or not. */
        void restarted() {
            restarted = true;
            restartedAt = System.nanoTime();
        }
    }
}
