package org.banksuite.issuer.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The issuer's state directory: secrets in owner-only files ({@code rw-------} in an {@code rwx------} directory,
 * where the file system has POSIX permissions). A file is written whole or not at all (a temporary file renamed
 * over it), so a crash while writing leaves the old content, never half a key.
 */
public final class StateDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    private StateDirectory(Path root) {
        this.root = root;
    }

    /**
     * The directory {@code root}, created owner-only if missing.
     *
     * @throws UncheckedIOException when it cannot be created
     */
    public static StateDirectory at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                Files.createDirectories(absolute, permissions(OWNER_ONLY_DIRECTORY));
            }
            return new StateDirectory(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the issuer's state directory " + absolute, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** The file's content, or empty if it does not exist. Its permissions are narrowed to the owner if they were wider. */
    public Optional<String> read(String name) {
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes {@code content} as the whole file, owner-only from its first byte on. */
    public void write(String name, String content) {
        Path file = file(name);
        try {
            Path temporary = Files.createTempFile(root, "." + name, ".new", permissions(OWNER_ONLY_FILE));
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static FileAttribute<?>[] permissions(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
