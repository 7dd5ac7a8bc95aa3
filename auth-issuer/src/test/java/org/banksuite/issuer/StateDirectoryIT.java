package org.banksuite.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The issuer's state over restarts: created on the first start, owner-only, and the same on every later one. */
class StateDirectoryIT {

    private static final Path STATE = Path.of("target/issuer-state/state-directory-it").toAbsolutePath();

    @BeforeEach
    void startFresh() throws IOException {
        if (Files.exists(STATE)) {
            try (Stream<Path> files = Files.walk(STATE)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void createsTheKeyAndTheSecretsInOwnerOnlyFiles() throws IOException {
        try (ConfigurableApplicationContext ignored = start()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE))).isEqualTo("rwx------");
            for (String file : new String[] {"signing-key.json", "clients.properties", "persons.properties",
                    "person-roles.properties"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            try (Stream<Path> files = Files.list(STATE)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("signing-key.json", "clients.properties", "persons.properties",
                                "person-roles.properties");
            }
            assertThat(IssuerClient.secrets(STATE)).containsOnlyKeys("mobile-bff", "support-agent", "support-lead",
                    "operator", "partner-bank-adapter", "partner-bank-proxy", "support-console");
            assertThat(IssuerClient.secrets(STATE).values()).allSatisfy(secret ->
                    assertThat(secret).matches("[A-Za-z0-9_-]{43,}"));   // >= 32 bytes, base64url
        }
    }

    @Test
    void keepsTheKeyIdAndTheSecretsOverARestart() {
        String keyId;
        Map<String, String> secrets;
        SignedJWT before;
        try (ConfigurableApplicationContext first = start()) {
            IssuerClient issuer = new IssuerClient(port(first));
            keyId = issuer.jwks().getKeys().getFirst().getKeyID();
            secrets = IssuerClient.secrets(STATE);
            before = issuer.verifiedAccessToken(issuer.requestToken("operator", secrets.get("operator"), Map.of()));
        }

        try (ConfigurableApplicationContext second = start()) {
            IssuerClient issuer = new IssuerClient(port(second));
            assertThat(issuer.jwks().getKeys()).extracting(key -> key.getKeyID()).containsExactly(keyId);
            assertThat(IssuerClient.secrets(STATE)).isEqualTo(secrets);
            assertThat(issuer.verifiedAccessToken(issuer.requestToken("operator", secrets.get("operator"), Map.of()))
                    .getHeader().getKeyID()).isEqualTo(before.getHeader().getKeyID());
        }
    }

    @Test
    void narrowsASecretFileThatOthersCouldReadOnTheNextStart() throws IOException {
        try (ConfigurableApplicationContext ignored = start()) {
            Files.setPosixFilePermissions(STATE.resolve("clients.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (ConfigurableApplicationContext ignored = start()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE.resolve("clients.properties"))))
                    .isEqualTo("rw-------");
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IssuerApplication.class)
                .run("--server.port=0", "--issuer.state-dir=" + STATE, "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
