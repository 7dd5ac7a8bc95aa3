package org.banksuite.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/** Formats a KRaft log directory once ({@code kafka.tools.StorageTool format --standalone}), in its own JVM. */
final class KafkaStorageFormatter {

    private static final long TIMEOUT_SECONDS = 120;
    /** The tool runs for a second: the quick-starting JIT tier and a small serial heap suit it. */
    private static final List<String> SHORT_LIVED_JVM = List.of(
            "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=warn");

    private KafkaStorageFormatter() {
    }

    static boolean isFormatted(Path logDirectory) {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    /**
     * Returns whether it formatted the directory (false: it already was). With {@code security}, the SCRAM
     * credentials of the broker's identity and the administrator go into the new metadata ({@code --add-scram}).
     */
    static boolean formatIfNeeded(Path logDirectory, Path serverProperties, Path logFile, KafkaSecurity security) {
        if (isFormatted(logDirectory)) {
            return false;
        }
        List<String> arguments = new ArrayList<>(List.of(
                "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()));
        if (security != null) {
            for (KafkaCredentials credentials : List.of(security.broker(), security.admin())) {
                arguments.add("--add-scram");
                arguments.add(KafkaCredentials.MECHANISM + "=[name=" + credentials.user() + ",password="
                        + credentials.password() + "]");
            }
        }
        List<String> command = ChildJvm.command(SHORT_LIVED_JVM, "kafka.tools.StorageTool", arguments);
        try {
            Process format = new ProcessBuilder(ChildJvm.ignoringTerminalSignals(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            format.getOutputStream().close();
            if (!format.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting " + logDirectory + " timed out\n" + LogTail.of(logFile, 30));
            }
            if (format.exitValue() != 0 || !isFormatted(logDirectory)) {
                throw new IllegalStateException("formatting " + logDirectory + " failed with exit code "
                        + format.exitValue() + "\n" + LogTail.of(logFile, 30));
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kafka.tools.StorageTool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting " + logDirectory, e);
        }
    }
}
