package org.banksuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Passwords the launcher generates once and keeps, one file per name ({@code <directory>/<name>.password}, owner-only:
 * directory {@code rwx------}, files {@code rw-------}), so that a restart finds the same ones. A password is 32
 * characters of URL-safe Base64 from 24 random bytes ({@link SecureRandom}): 192 bits, no character that needs quoting.
 */
final class GeneratedPasswords {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    GeneratedPasswords(Path directory) {
        this.directory = directory;
    }

    /**
     * The password kept for this name, generated and written first if there is none.
     *
     * @throws IllegalArgumentException if the name is not a lowercase SQL identifier
     * @throws UncheckedIOException     if the file cannot be read or written
     */
    String of(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lowercase name: " + name);
        }
        Path file = file(name);
        try {
            createOwnerOnlyDirectory();
            if (!Files.exists(file)) {
                writeNew(file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to have a new password generated");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the password in " + file, e);
        }
    }

    Path file(String name) {
        return directory.resolve(name + ".password");
    }

    Path directory() {
        return directory;
    }

    private void createOwnerOnlyDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private static void writeNew(Path file) throws IOException {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return;
        }
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
    }
}
