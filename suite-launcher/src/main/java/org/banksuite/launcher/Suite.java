package org.banksuite.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.banksuite.infra.ShutdownSequence;

/**
 * {@code ./suite up}: runs the local stack in the foreground (PostgreSQL, Kafka, then the services)
 * until Ctrl-C or SIGTERM, which stop the services, Kafka, then PostgreSQL. The project's root is
 * the working directory, or the {@code suite.home} system property.
 */
public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].equals("up")) {
            Console.error("usage: Suite up (run it through ./suite, see ./suite help)");
            System.exit(2);
        }
        System.exit(up());
    }

    private static int up() throws InterruptedException {
        long startedAt = System.nanoTime();
        SuiteLayout layout = new SuiteLayout(Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize());
        Map<String, String> environment = System.getenv();
        LocalStack stack = new LocalStack(layout, environment);
        StackMonitor monitor;
        try {
            monitor = new StackMonitor(stack, RestartPolicy.from(environment));
        } catch (IllegalArgumentException e) {
            Console.error(e.getMessage());
            return 2;
        }
        try {
            ShutdownSequence.register(announceStopped(PidFile.claim(layout.pidFile())));
            stack.start();
            ShutdownSequence.register(() -> { // registered last, so it runs first
                monitor.stopping();
                Files.deleteIfExists(layout.processesFile()); // its pids are about to be gone
                Console.step("Stopping the suite: services, then Kafka, then PostgreSQL");
            });
        } catch (RuntimeException e) {
            Console.error(e.getMessage());
            Console.error("startup failed; stopping what was started");
            return 1;
        }
        String table = StatusTable.of(stack);
        writeQuietly(layout.statusFile(), table);
        ProcessTable.write(layout.processesFile(), stack.processes());
        Console.print("");
        Console.print(String.format("The suite is up (%.1f s). Ctrl-C stops it.", (System.nanoTime() - startedAt) / 1e9));
        Console.print(table);
        monitor.watchUntilShutdown();
        return 0;
    }

    private static AutoCloseable announceStopped(PidFile pidFile) {
        return () -> {
            pidFile.close();
            Console.step("Stopped.");
        };
    }

    private static void writeQuietly(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (Exception ignored) {
            // only ./suite status reads it
        }
    }
}
