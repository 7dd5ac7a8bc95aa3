package org.banksuite.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads test fixtures and shipped schemas from the class path. */
final class Resources {

    private Resources() {
    }

    static boolean exists(String path) {
        return Resources.class.getClassLoader().getResource(path) != null;
    }

    static byte[] read(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no class-path resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a class-path directory (test resources and main resources are plain directories). */
    static List<String> fileNames(String directory) {
        Path root;
        try {
            root = Path.of(Resources.class.getClassLoader().getResource(directory).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String goldenPath(CatalogEntry entry) {
        return "golden/" + entry.ceType() + ".json";
    }

    static byte[] golden(CatalogEntry entry) {
        return read(goldenPath(entry));
    }
}
