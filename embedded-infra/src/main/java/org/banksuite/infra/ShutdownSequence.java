package org.banksuite.infra;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One JVM shutdown hook that closes resources in the reverse order of their registration: what
 * started last (services) stops first, what started first (the database) stops last. Separate
 * hooks would run all at once, in no order.
 */
public final class ShutdownSequence {

    private static final Deque<AutoCloseable> RESOURCES = new ArrayDeque<>();
    private static boolean hookInstalled;

    private ShutdownSequence() {
    }

    public static synchronized void register(AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::closeAll, "shutdown-sequence"));
            hookInstalled = true;
        }
        RESOURCES.push(resource);
    }

    /** Called by a resource closed before the JVM exits. */
    public static synchronized void unregister(AutoCloseable resource) {
        RESOURCES.removeIf(registered -> registered == resource);
    }

    private static void closeAll() {
        AutoCloseable next;
        while ((next = pop()) != null) {
            try {
                next.close();
            } catch (Exception | LinkageError e) {
                System.err.println("while shutting down " + next + ": " + e);
            }
        }
    }

    private static synchronized AutoCloseable pop() {
        return RESOURCES.poll();
    }
}
