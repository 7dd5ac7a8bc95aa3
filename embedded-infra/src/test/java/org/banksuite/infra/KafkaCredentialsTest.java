package org.banksuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsTest {

    @TempDir
    Path directory;

    @Test
    void generatesAPasswordOnceIntoAnOwnerOnlyClientSettingsFile() throws Exception {
        Path kafka = directory.resolve("kafka");
        KafkaCredentials first = KafkaCredentials.loadOrCreate(kafka, "accounts-service");
        KafkaCredentials again = KafkaCredentials.loadOrCreate(kafka, "accounts-service");

        assertThat(again).isEqualTo(first);
        Path file = kafka.resolve("accounts-service.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kafka))).isEqualTo("rwx------");
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            settings.load(reader);
        }
        assertThat(settings).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", first.jaasConfig());
    }

    @Test
    void givesEachIdentityItsOwnPasswordAndNeverShowsIt() {
        KafkaCredentials one = KafkaCredentials.generate("accounts-service");
        KafkaCredentials other = KafkaCredentials.generate("accounts-service");

        assertThat(one.password()).isNotEqualTo(other.password()).hasSize(43);
        assertThat(one.toString()).doesNotContain(one.password());
    }

    @Test
    void refusesANameOrPasswordThatAJaasLineWouldHaveToQuote() {
        assertThatThrownBy(() -> new KafkaCredentials("a\" b", "0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaCredentials("accounts-service", "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaCredentials("accounts-service", "0123456789abcdef\";"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
