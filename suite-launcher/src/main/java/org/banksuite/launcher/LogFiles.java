package org.banksuite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Each run starts its logs afresh; the previous run's stay beside them as {@code <name>.log.1}. */
final class LogFiles {

    private LogFiles() {
    }

    static void rotate(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Console.warn("cannot rotate " + log + ": " + e.getMessage());
        }
    }
}
