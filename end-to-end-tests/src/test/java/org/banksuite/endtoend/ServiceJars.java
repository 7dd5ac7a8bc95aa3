package org.banksuite.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The services' jars as their modules package them in this build, waited for. This module does not depend on the
 * services' modules in the reactor: Maven 3 schedules whole modules, so such a dependency made the end-to-end suite
 * (a third of the build) wait for every service module's own integration tests, which it does not need, and on 2
 * cores that put the build over its 10 minutes. Instead the suite waits here for each jar to be one it can run: a
 * Spring Boot jar (its manifest names {@code Spring-Boot-Version}: repackaged, not the plain jar the jar plugin
 * writes first), whole (it opens), and not older than its module's compiled classes (a jar older than them is from
 * an earlier build that this one is about to replace; a module nothing changed in keeps its jar, and its classes
 * are older).
 * <p>
 * Run alone ({@code -pl end-to-end-tests}) it needs the jars built first ({@code ./mvnw -q install -DskipTests}); a
 * jar missing or older than its classes is then waited for until the patience is over, and named.
 */
final class ServiceJars {

    private final Path root;
    private final Duration patience;

    /** @param root the reactor's root directory, holding each module as {@code <module>/target/<module>.jar} */
    ServiceJars(Path root, Duration patience) {
        this.root = root;
        this.patience = patience;
    }

    /**
     * @return the module's jar once it is one to run
     * @throws IllegalStateException when it is not within the patience, saying why
     */
    Path await(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        Path classes = root.resolve(module).resolve("target").resolve("classes");
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String notYet = whyNotReady(jar, classes);
            if (notYet == null) {
                return jar;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jar + " " + notYet + " after " + patience.toMinutes()
                        + " min: build the services first (./mvnw -q install -DskipTests at the root)");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + jar, e);
            }
        }
    }

    /** Why the jar is not one to run yet, or null if it is. */
    private static String whyNotReady(Path jar, Path classes) {
        if (!Files.isRegularFile(jar)) {
            return "is missing";
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            if (newest(classes).compareTo(built) > 0) {
                return "is older than its module's classes";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null || manifest.getMainAttributes().getValue("Spring-Boot-Version") == null) {
                    return "is not repackaged yet";
                }
            }
            return null;
        } catch (IOException | UncheckedIOException beingWritten) {
            return "cannot be read (" + beingWritten.getMessage() + ")";
        }
    }

    private static FileTime newest(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).map(ServiceJars::modified)
                    .max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
