package org.banksuite.launcher;

import java.util.HashSet;
import java.util.Set;

import org.banksuite.infra.LogTail;

/** Keeps the launcher in the foreground and reports any part of the stack that dies on its own. */
final class StackMonitor {

    private final LocalStack stack;
    private final Set<String> reported = new HashSet<>();
    private volatile boolean stopping;

    StackMonitor(LocalStack stack) {
        this.stack = stack;
    }

    /** Called when the shutdown begins: parts stopping from then on are expected to. */
    void stopping() {
        stopping = true;
    }

    void watchUntilShutdown() throws InterruptedException {
        while (true) {
            Thread.sleep(1000);
            if (stopping) {
                continue;
            }
            if (!stack.postgres().isRunning()) {
                reportOnce("PostgreSQL", "PostgreSQL stopped unexpectedly\n" + LogTail.of(stack.layout().log("postgres"), 20));
            }
            if (!stack.kafka().isRunning()) {
                reportOnce("Kafka", "Kafka stopped unexpectedly\n" + LogTail.of(stack.kafka().logFile(), 20));
            }
            for (ServiceProcess service : stack.services()) {
                if (service.diedUnexpectedly()) {
                    reportOnce(service.definition().name(), service.definition().name() + " exited unexpectedly with code "
                            + service.exitCode() + " (the rest keeps running; Ctrl-C stops everything)\n"
                            + LogTail.of(service.logFile(), 30));
                }
            }
        }
    }

    private void reportOnce(String part, String message) {
        if (!stopping && reported.add(part)) {
            Console.error(message);
        }
    }
}
