package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes a process die with this JVM, even when this JVM is killed with SIGKILL and cannot run its
 * shutdown hooks: a tiny {@code sh} watchdog blocks reading a pipe from this JVM; when the pipe
 * closes (this JVM is gone), it sends the signal to the target, then SIGKILL if it outlives
 * {@code graceSeconds}. Like Linux's PR_SET_PDEATHSIG, for processes we cannot change.
 */
public final class ParentDeathSignal {

    private static final String WATCHDOG =
            "trap '' INT HUP; read _ignored; kill -%s %d 2>/dev/null; i=0; "
                    + "while kill -0 %2$d 2>/dev/null && [ $i -lt %d ]; do sleep 1; i=$((i+1)); done; "
                    + "kill -KILL %2$d 2>/dev/null; exit 0";

    private final Process watchdog;

    private ParentDeathSignal(Process watchdog) {
        this.watchdog = watchdog;
    }

    /** Sends {@code signal} (e.g. "TERM", "INT") to {@code pid} when this JVM dies. */
    public static ParentDeathSignal arm(long pid, String signal, int graceSeconds) {
        try {
            Process watchdog = new ProcessBuilder("sh", "-c", WATCHDOG.formatted(signal, pid, graceSeconds))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ParentDeathSignal(watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog for process " + pid, e);
        }
    }

    /** Stops watching, without signalling the target (call it once the target stopped or is being stopped). */
    public void disarm() {
        watchdog.destroyForcibly();
    }
}
