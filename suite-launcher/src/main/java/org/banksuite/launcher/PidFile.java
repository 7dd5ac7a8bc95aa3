package org.banksuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code .suite/suite.pid}: one running suite per clone, and how {@code ./suite down} finds it. */
final class PidFile implements AutoCloseable {

    private final Path file;
    private final long pid = ProcessHandle.current().pid();

    private PidFile(Path file) {
        this.file = file;
    }

    static PidFile claim(Path file) {
        runningSuite(file).ifPresent(other -> {
            throw new IllegalStateException("the suite is already running (pid " + other.pid()
                    + "); stop it with ./suite down");
        });
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new PidFile(file);
    }

    static Optional<ProcessHandle> runningSuite(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(Suite.class.getName()));
        } catch (IOException | NumberFormatException noneOrUnreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(file) && Files.readString(file).trim().equals(Long.toString(pid))) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // a stale pid file is recognised as stale by the next start
        }
    }
}
