package org.banksuite.issuer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.banksuite.issuer.state.StateDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void createsAnRs256KeyOf2048BitsWithAKeyId() {
        RSAKey key = SigningKey.loadOrCreate(StateDirectory.at(directory));

        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(SigningKey.loadOrCreate(StateDirectory.at(directory))).isEqualTo(key);
    }

    @Test
    void refusesAStoredKeyWithoutItsPrivatePart() throws IOException {
        RSAKey key = SigningKey.loadOrCreate(StateDirectory.at(directory));
        Files.writeString(directory.resolve(SigningKey.FILE), key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKey.loadOrCreate(StateDirectory.at(directory)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a private RSA key");
    }

    @Test
    void refusesAStoredFileThatIsNotAKey() throws IOException {
        Files.writeString(directory.resolve(SigningKey.FILE), "not json");

        assertThatThrownBy(() -> SigningKey.loadOrCreate(StateDirectory.at(directory)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON Web Key");
    }
}
