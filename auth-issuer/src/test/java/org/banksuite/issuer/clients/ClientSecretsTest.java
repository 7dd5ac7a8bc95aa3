package org.banksuite.issuer.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.banksuite.issuer.state.StateDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecretsTest {

    @TempDir
    Path directory;

    @Test
    void givesEachClientADifferentRandomSecretOfAtLeast32Bytes() {
        Map<String, String> secrets = ClientSecrets.loadOrCreate(StateDirectory.at(directory), SuiteIdentities.ALL);

        assertThat(secrets).hasSize(6);
        assertThat(secrets.values()).doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat(secret).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void keepsTheSecretsItHasAndAddsOnesForNewClients() throws IOException {
        Files.writeString(directory.resolve(ClientSecrets.FILE), "operator=kept-secret\nretired-client=old\n");

        Map<String, String> secrets = ClientSecrets.loadOrCreate(StateDirectory.at(directory), SuiteIdentities.ALL);

        assertThat(secrets).containsEntry("operator", "kept-secret").containsKey("mobile-bff")
                .containsEntry("retired-client", "old");
        assertThat(ClientSecrets.loadOrCreate(StateDirectory.at(directory), SuiteIdentities.ALL)).isEqualTo(secrets);
    }
}
