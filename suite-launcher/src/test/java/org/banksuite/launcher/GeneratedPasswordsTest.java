package org.banksuite.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedPasswordsTest {

    @TempDir
    Path state;

    @Test
    void generatesAPasswordOnceAndKeepsIt() {
        GeneratedPasswords passwords = new GeneratedPasswords(state.resolve("postgres"));

        String first = passwords.of("accounts_service");

        assertThat(first).matches("[A-Za-z0-9_-]{32}");
        assertThat(new GeneratedPasswords(state.resolve("postgres")).of("accounts_service")).isEqualTo(first);
        assertThat(passwords.of("transfers_service")).isNotEqualTo(first);
    }

    @Test
    void keepsPasswordsReadableByTheOwnerOnly() throws Exception {
        GeneratedPasswords passwords = new GeneratedPasswords(state.resolve("postgres"));

        passwords.of("postgres");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("postgres")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords.file("postgres")))).isEqualTo("rw-------");
    }

    @Test
    void refusesANameThatIsNoPlainIdentifier() {
        assertThatThrownBy(() -> new GeneratedPasswords(state).of("../escape"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
