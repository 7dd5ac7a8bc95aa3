package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Waits until no other broker holds a log directory's {@code .lock}, e.g. a broker still shutting
 * down after its previous parent was killed.
 */
final class KafkaLogDirectoryLock {

    private KafkaLogDirectoryLock() {
    }

    static void awaitReleased(Path logDirectory, Duration timeout) {
        Path lockFile = logDirectory.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(lockFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(logDirectory + " is locked by another Kafka broker (still running?)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static boolean isFree(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + lockFile, e);
        }
    }
}
